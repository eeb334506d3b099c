package hk.esgone.assessment.support;

/**
 * A shipped data file (questionnaire, scoring rules, emission factors) is broken. Thrown at load so that the service
 * refuses to start rather than score anybody with a bad file.
 */
public class InvalidDataFileException extends RuntimeException {

    public InvalidDataFileException(String message) {
        super(message);
    }

    public InvalidDataFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
