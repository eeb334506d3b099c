package hk.esgone.directory.company.store;

/** The document changed between read and conditional write more often than the retries allow. */
public class WriteConflictException extends RuntimeException {

    public WriteConflictException(String companyId) {
        super("concurrent updates of company " + companyId);
    }
}
