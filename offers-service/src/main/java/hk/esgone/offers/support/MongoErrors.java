package hk.esgone.offers.support;

import org.springframework.dao.DuplicateKeyException;

import com.mongodb.MongoException;

public final class MongoErrors {

    private MongoErrors() {
    }

    /** A unique index (or _id) refused the write. */
    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DuplicateKeyException || (t instanceof MongoException m && m.getCode() == 11000)) {
                return true;
            }
        }
        return false;
    }
}
