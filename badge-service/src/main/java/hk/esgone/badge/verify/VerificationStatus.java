package hk.esgone.badge.verify;

/**
 * The answer of a verification. The badge statuses of docs/contracts.md, plus {@code UNKNOWN} (no such badge) and
 * {@code INVALID} (the credential itself failed a check: signature, key, issuer, format, or its status could not be
 * established). Only {@code VALID} means valid.
 */
public enum VerificationStatus {
    VALID, EXPIRED, SUSPENDED, REVOKED, UNKNOWN, INVALID
}
