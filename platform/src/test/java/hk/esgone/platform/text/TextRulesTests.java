package hk.esgone.platform.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.text.TextJacksonModule.InvalidTextException;
import tools.jackson.databind.json.JsonMapper;

/** The text rules on their own: what names and descriptions may hold, and what every JSON string may hold. */
class TextRulesTests {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new TextJacksonModule()).build();

    record Label(@PlainText String name, @FreeText String description) {
    }

    @ParameterizedTest(name = "U+{0} is refused in a name and in a description")
    @ValueSource(strings = {"202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069", "200E", "200F", "061C",
            "FEFF", "FDD0", "FDEF", "FFFE", "FFFF", "0000", "0001", "001B", "007F", "0085", "009F", "D800", "DC00"})
    void refusedEverywhere(String hex) {
        String text = "Green " + (char) Integer.parseInt(hex, 16) + " Pack";
        assertThat(TextRules.violation(text, TextRules.Kind.PLAIN)).contains("U+" + hex).contains("position 6");
        assertThat(TextRules.violation(text, TextRules.Kind.FREE)).contains("U+" + hex);
    }

    @Test
    void supplementaryNoncharactersAreRefusedAndOtherSupplementaryCharactersKept() {
        assertThat(TextRules.violation("x" + Character.toString(0x1FFFE), TextRules.Kind.PLAIN)).contains("U+1FFFE");
        assertThat(TextRules.violation("x" + Character.toString(0x10FFFF), TextRules.Kind.FREE)).contains("U+10FFFF");
        // emoji and CJK extension B (surrogate pairs) are fine
        assertThat(TextRules.violation("綠色 🌱 𠀀", TextRules.Kind.PLAIN)).isNull();
    }

    @Test
    void lineBreaksAndTabsAreForDescriptionsOnly() {
        for (String text : List.of("a\nb", "a\r\nb", "a\tb", "a\u2028b")) {
            assertThat(TextRules.violation(text, TextRules.Kind.PLAIN)).as(text).isNotNull();
            assertThat(TextRules.violation(text, TextRules.Kind.FREE)).as(text).isNull();
        }
    }

    @Test
    void ordinaryTextInBothLanguagesPasses() {
        assertThat(TextRules.violation("Kwun Tong Metal Works 觀塘金屬廠 — Ltd. (HK) 100%", TextRules.Kind.PLAIN)).isNull();
        assertThat(TextRules.violation(null, TextRules.Kind.PLAIN)).isNull();
    }

    @Test
    void normalisationIsNfc() {
        assertThat(TextRules.normalize("Cafe\u0301")).isEqualTo("Caf\u00e9");
        assertThat(TextRules.normalize("\u212B")).isEqualTo("\u00C5");
        assertThat(TextRules.normalize(null)).isNull();
    }

    @Test
    void requireNamesTheFieldInAValidationProblem() {
        assertThat(TextRules.require("q", "Cafe\u0301", TextRules.Kind.PLAIN)).isEqualTo("Caf\u00e9");
        assertThatThrownBy(() -> TextRules.require("q", "a\u202Eb", TextRules.Kind.PLAIN))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.kind()).isEqualTo("validation");
                    assertThat(problem.getStatusCode().value()).isEqualTo(400);
                    assertThat(problem.getBody().getProperties().get("errors")).asString().contains("field=q").contains("U+202E");
                });
    }

    @Test
    void annotationsReportTheFieldAndTheCharacter() {
        Set<ConstraintViolation<Label>> violations = VALIDATOR.validate(new Label("Eco\u202Epack", "one\ntwo"));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath().toString()).isEqualTo("name");
            assertThat(v.getMessage()).contains("U+202E").contains("bidirectional");
        });
        assertThat(VALIDATOR.validate(new Label("Eco pack", "one\ntwo\ttabbed"))).isEmpty();
        assertThat(VALIDATOR.validate(new Label("ok", "bad \uFEFF bom"))).singleElement()
                .satisfies(v -> assertThat(v.getPropertyPath().toString()).isEqualTo("description"));
    }

    @Test
    void theJsonReaderNormalisesEveryStringAndRefusesLoneSurrogatesWithTheirPath() {
        Label label = JSON.readValue("{\"name\":\"Cafe\\u0301\",\"description\":\"x\"}", Label.class);
        assertThat(label.name()).isEqualTo("Caf\u00e9");

        assertThatThrownBy(() -> JSON.readValue("{\"name\":\"ok\",\"description\":\"a\\ud800b\"}", Label.class))
                .isInstanceOfSatisfying(InvalidTextException.class, ex -> {
                    assertThat(ex.reason()).contains("U+D800").contains("lone surrogate");
                    assertThat(ex.getPath()).singleElement().satisfies(ref -> assertThat(ref.getPropertyName()).isEqualTo("description"));
                });
        // a proper pair (an emoji written as two escapes) is one character, and fine
        assertThat(JSON.readValue("{\"name\":\"\\ud83c\\udf31\"}", Label.class).name()).isEqualTo("🌱");
    }
}
