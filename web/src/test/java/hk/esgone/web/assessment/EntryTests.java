package hk.esgone.web.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import hk.esgone.web.support.Bilingual;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the portal makes of a typed answer before assessment-service sees it: numbers as people write them, choices
 * only from the question's list, and whether an entry says the same as the stored answer (then nothing is sent).
 */
class EntryTests {

    static final Questionnaire.Question NUMBER = question("E02", "NUMBER", List.of());
    static final Questionnaire.Question MULTIPLE = question("S06", "MULTIPLE_CHOICE",
            List.of(new Questionnaire.Choice("MEDICAL", new Bilingual("Medical insurance", "醫療保險")),
                    new Questionnaire.Choice("FLEXIBLE", new Bilingual("Flexible hours", "彈性工作時間"))));

    @Test
    void numbersAreReadAsPeopleTypeThemAndExactly() {
        assertThat(Entry.number("3,100")).isEqualByComparingTo("3100");
        assertThat(Entry.number(" 12.5% ")).isEqualByComparingTo("12.5");
        assertThat(Entry.number("0.1")).isEqualTo(new BigDecimal("0.1"));
        assertThat(Entry.number("-5")).isEqualByComparingTo("-5"); // the service's checks say whether it may be negative
        assertThat(Entry.number("1e9")).isNull();
        assertThat(Entry.number("twelve")).isNull();
        assertThat(Entry.number("１２")).isNull();
        assertThat(Entry.number("9".repeat(41))).isNull();
    }

    @Test
    void anEntryThatSaysWhatIsStoredIsTheSame() {
        Assessment.Answer stored = answer("E02", "3100.0");
        assertThat(new Entry(List.of("3,100"), false, null, 1).sameAs(NUMBER, stored)).isTrue();
        assertThat(new Entry(List.of("3101"), false, null, 1).sameAs(NUMBER, stored)).isFalse();
        assertThat(new Entry(List.of(), true, "We own no vans.", 1).sameAs(NUMBER, stored)).isFalse();
        assertThat(new Entry(List.of(), false, null, 0).sameAs(NUMBER, null)).isTrue();

        Assessment.Answer ticked = answer("S06", "[\"MEDICAL\",\"FLEXIBLE\"]");
        assertThat(new Entry(List.of("FLEXIBLE", "MEDICAL"), false, null, 1).sameAs(MULTIPLE, ticked)).isTrue();
        assertThat(new Entry(List.of("MEDICAL"), false, null, 1).sameAs(MULTIPLE, ticked)).isFalse();
    }

    @Test
    void onlyTheQuestionsOwnChoicesAndRealNumbersAreSent() {
        List<QuestionState.Problem> problems = new ArrayList<>();
        assertThat(Assessments.value(MULTIPLE, new Entry(List.of("MEDICAL", "MEDICAL"), false, null, 0), problems))
                .isEqualTo(List.of("MEDICAL"));
        assertThat(problems).isEmpty();

        assertThat(Assessments.value(MULTIPLE, new Entry(List.of("MEDICAL", "<script>"), false, null, 0), problems)).isNull();
        assertThat(Assessments.value(NUMBER, new Entry(List.of("lots"), false, null, 0), problems)).isNull();
        assertThat(Assessments.value(NUMBER, new Entry(List.of(), true, null, 0), problems)).isNull();
        assertThat(problems).extracting(QuestionState.Problem::field, QuestionState.Problem::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple("value", "asm.problem.choose"),
                org.assertj.core.groups.Tuple.tuple("value", "asm.problem.number"),
                org.assertj.core.groups.Tuple.tuple("reason", "asm.problem.reasonNeeded"));
    }

    @Test
    void aStoredAnswerIsDescribedInBothLanguages() {
        assertThat(Entry.describe(MULTIPLE, answer("S06", "[\"MEDICAL\",\"FLEXIBLE\"]")))
                .isEqualTo(new Bilingual("Medical insurance, Flexible hours", "醫療保險、彈性工作時間"));
        assertThat(Entry.describe(NUMBER, answer("E02", "3100"))).isEqualTo(new Bilingual("3100 litres", "3100 litres"));
    }

    private static Questionnaire.Question question(String id, String type, List<Questionnaire.Choice> choices) {
        return new Questionnaire.Question(id, id.substring(0, 1), type, new Bilingual(id, id), new Bilingual(null, null),
                new Bilingual(null, null), "NUMBER".equals(type) ? "litres" : null, "NUMBER".equals(type) ? "year" : null, choices, false);
    }

    private static Assessment.Answer answer(String id, String json) {
        return new Assessment.Answer(id, JsonMapper.builder().build().readTree(json), null, false, null, 1, false, null);
    }
}
