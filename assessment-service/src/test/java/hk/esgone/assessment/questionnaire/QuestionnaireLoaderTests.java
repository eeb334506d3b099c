package hk.esgone.assessment.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import hk.esgone.assessment.support.InvalidDataFileException;

class QuestionnaireLoaderTests {

    /** A minimal valid file; each test breaks one thing in it. */
    static final String VALID = """
            {"key": "t", "version": 1, "title": {"en": "T", "zhHant": "測"},
             "sections": [{"code": "E", "title": {"en": "E", "zhHant": "環"}, "topics": [
               {"code": "E-ENERGY", "title": {"en": "Energy", "zhHant": "能源"}, "hkex": ["A2"], "vsme": ["B3"],
                "questions": [
                 {"id": "E01", "type": "NUMBER", "unit": "kWh", "period": "year",
                  "text": {"en": "Electricity", "zhHant": "電力"}, "help": {"en": "Bills", "zhHant": "電費單"}},
                 {"id": "E02", "type": "SINGLE_CHOICE",
                  "text": {"en": "Plan?", "zhHant": "計劃？"}, "help": {"en": "Pick", "zhHant": "選"},
                  "choices": [{"code": "NONE", "label": {"en": "None", "zhHant": "沒有"}},
                              {"code": "PLAN", "label": {"en": "Plan", "zhHant": "計劃"}}]}
                ]}]}]}
            """;

    static Questionnaire load(String json) {
        return QuestionnaireLoader.read("test.json", json);
    }

    static void assertRejected(String json, String... messageParts) {
        assertThatThrownBy(() -> load(json))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageStartingWith("test.json: ")
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void readsAValidFile() {
        Questionnaire q = load(VALID);

        assertThat(q.key()).isEqualTo("t");
        assertThat(q.question("E01")).get().extracting(Question::unit).isEqualTo("kWh");
        assertThat(q.question("E02").orElseThrow().choice("PLAN").orElseThrow().label().zhHant())
                .isEqualTo("計劃");
        assertThat(q.topicOf("E02")).get().extracting(Topic::hkex).asList().containsExactly(HkexAspect.A2);
    }

    @Test
    void rejectsDuplicateQuestionIds() {
        assertRejected(VALID.replace("\"id\": \"E02\"", "\"id\": \"E01\""), "duplicate question id \"E01\"");
    }

    @Test
    void rejectsAnUnknownType() {
        assertRejected(VALID.replace("\"SINGLE_CHOICE\"", "\"SINGLE\""), "unknown type \"SINGLE\"", "SINGLE_CHOICE");
    }

    @Test
    void rejectsANumberWithoutUnit() {
        assertRejected(VALID.replace("\"unit\": \"kWh\", ", ""), "NUMBER question E01 needs a unit");
    }

    @Test
    void rejectsAnUnknownUnit() {
        assertRejected(VALID.replace("\"kWh\"", "\"MWh\""), "unknown unit \"MWh\" on question E01");
    }

    @Test
    void rejectsAChoiceQuestionWithoutChoices() {
        String noChoices = VALID.replaceAll("(?s),\\s*\"choices\": \\[.*?\\]\\}\\s*\\]", "}]");
        assertRejected(noChoices, "SINGLE_CHOICE question E02 needs choices");
    }

    @Test
    void rejectsDuplicateChoiceCodes() {
        assertRejected(VALID.replace("\"code\": \"PLAN\"", "\"code\": \"NONE\""), "duplicate choice code \"NONE\"");
    }

    @Test
    void rejectsMissingChineseText() {
        assertRejected(
                VALID.replace("\"en\": \"Electricity\", \"zhHant\": \"電力\"", "\"en\": \"Electricity\""),
                "sections[0].topics[0].questions[0]",
                "\"text\" is missing its Chinese text (zhHant)");
    }

    @Test
    void rejectsAMisspeltLanguageKey() {
        assertRejected(VALID.replace("\"zhHant\": \"電費單\"", "\"zh-Hant\": \"電費單\""), "unknown field(s) [zh-Hant]");
    }

    @Test
    void rejectsAnUnknownHkexAspect() {
        assertRejected(VALID.replace("[\"A2\"]", "[\"A5\"]"), "unknown HKEX aspect \"A5\" in topic E-ENERGY");
    }

    @Test
    void rejectsATopicWithoutHkexAspect() {
        assertRejected(VALID.replace("\"hkex\": [\"A2\"], ", ""), "topic E-ENERGY needs at least one HKEX aspect");
    }

    @Test
    void rejectsAnUnknownVsmeDisclosure() {
        assertRejected(VALID.replace("[\"B3\"]", "[\"B12\"]"), "unknown VSME basic-module disclosure \"B12\"");
    }

    @Test
    void rejectsAnUnknownSizeBandAndIndustry() {
        assertRejected(
                VALID.replace("\"period\": \"year\",", "\"period\": \"year\", \"sizeBands\": [\"LARGE\"],"),
                "unknown size band \"LARGE\"");
        assertRejected(
                VALID.replace("\"period\": \"year\",", "\"period\": \"year\", \"industries\": [\"manufacturing\"],"),
                "industry \"manufacturing\" on question E01 must be an HSIC section letter");
    }

    @Test
    void rejectsAUnitOnANonNumberQuestion() {
        assertRejected(
                VALID.replace("\"type\": \"SINGLE_CHOICE\",", "\"type\": \"SINGLE_CHOICE\", \"unit\": \"kg\","),
                "only NUMBER questions have a unit");
    }

    @Test
    void rejectsAQuestionIdOfAnotherSection() {
        assertRejected(VALID.replace("\"id\": \"E02\"", "\"id\": \"S02\""), "question id \"S02\" must be");
    }

    @Test
    void rejectsACarbonInputOnAQuestionInTheWrongUnit() {
        assertRejected(
                VALID.replace("\"period\": \"year\",", "\"period\": \"year\", \"carbon\": \"DIESEL\","),
                "carbon input DIESEL needs a NUMBER question in litres; E01 is NUMBER in kWh");
    }

    @Test
    void rejectsInvalidJson() {
        assertRejected(VALID.substring(0, 60), "not valid JSON");
    }

    @Test
    void keepsTheChoiceOrderAndOptionalExample() {
        Questionnaire q = load(VALID);
        assertThat(q.question("E02").orElseThrow().choices())
                .extracting(Choice::code)
                .containsExactly("NONE", "PLAN");
        assertThat(q.question("E01").orElseThrow().example()).isNull();
    }
}
