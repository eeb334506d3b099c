package hk.esgone.assessment.catalogue;

import java.util.List;

/** Reads a questionnaire's JSON with the domain loader, which checks it whole before anything is stored. */
public interface FormReader {

    /**
     * The form of a questionnaire and its scoring rules; {@link InvalidQuestionnaire} naming each problem when the
     * loaders refuse either. Without rules ({@code scoringJson} null), the rules shipped for that key and version are
     * used, and a version without shipped rules is refused (it could never be scored).
     */
    Form read(String json, String scoringJson);

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
