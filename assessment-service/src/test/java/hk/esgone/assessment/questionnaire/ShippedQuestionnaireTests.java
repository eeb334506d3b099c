package hk.esgone.assessment.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ShippedQuestionnaireTests {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private final Questionnaire questionnaire =
            QuestionnaireCatalog.shipped().latest("hk-sme").orElseThrow();

    @Test
    void hasAtLeastSixtyQuestionsInAllThreeSections() {
        assertThat(questionnaire.questions()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(questionnaire.sections()).extracting(Section::pillar).containsExactly(Pillar.E, Pillar.S, Pillar.G);
    }

    @Test
    void everyQuestionHasEnglishAndChineseText() {
        for (Question q : questionnaire.questions()) {
            assertThat(q.text().en()).as(q.id()).isNotBlank().doesNotContainPattern(HAN.pattern());
            assertThat(q.text().zhHant()).as(q.id()).containsPattern(HAN.pattern());
            assertThat(q.help().zhHant()).as(q.id()).containsPattern(HAN.pattern());
            q.choices().forEach(c -> assertThat(c.label().zhHant()).as(q.id() + "/" + c.code()).isNotBlank());
        }
    }

    @Test
    void everyTopicHasAnHkexAspectAndEveryNumberAUnit() {
        assertThat(questionnaire.topics()).allSatisfy(t -> assertThat(t.hkex()).isNotEmpty());
        assertThat(questionnaire.questions())
                .filteredOn(q -> q.type() == QuestionType.NUMBER)
                .allSatisfy(q -> assertThat(q.unit()).isNotBlank());
    }

    @Test
    void coversEveryHkexAspect() {
        Set<HkexAspect> covered = new HashSet<>();
        questionnaire.topics().forEach(t -> covered.addAll(t.hkex()));
        assertThat(covered).containsExactlyInAnyOrder(HkexAspect.values());
    }

    @Test
    void feedsEveryCarbonInput() {
        for (CarbonInput input : CarbonInput.values()) {
            assertThat(questionnaire.questionFor(input)).as(input.name()).isPresent();
        }
        assertThat(questionnaire.questionFor(CarbonInput.REFRIGERANT_KIND).orElseThrow().choices())
                .extracting(Choice::code)
                .containsExactly("R22", "R410A", "R32", "R134A");
    }

    @Test
    void asksAConstructionFirmAboutGreenCardsButNotARestaurant() {
        List<String> construction = questionnaire.applicableQuestions("F", SizeBand.SMALL).stream()
                .map(Question::id)
                .toList();
        List<String> restaurant = questionnaire.applicableQuestions("I", SizeBand.SMALL).stream()
                .map(Question::id)
                .toList();
        String greenCard = questionnaire.questions().stream()
                .filter(q -> q.text().en().contains("green card"))
                .findFirst()
                .orElseThrow()
                .id();

        assertThat(construction).contains(greenCard);
        assertThat(restaurant).doesNotContain(greenCard);
        assertThat(questionnaire.applicableQuestions("F", SizeBand.SMALL).size())
                .isLessThan(questionnaire.questions().size());
    }
}
