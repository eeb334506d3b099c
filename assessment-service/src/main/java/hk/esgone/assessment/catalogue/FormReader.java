package hk.esgone.assessment.catalogue;

import java.util.List;

/** Reads a questionnaire's JSON with the domain loader, which checks it whole before anything is stored. */
public interface FormReader {

    /** The form of {@code json}; {@link InvalidQuestionnaire} naming each problem when the loader refuses it. */
    Form read(String json);

    /** A questionnaire the loader refused, with one message per problem. */
    final class InvalidQuestionnaire extends RuntimeException {

        private final List<String> problems;

        public InvalidQuestionnaire(List<String> problems) {
            super("invalid questionnaire: " + problems);
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
