package hk.esgone.badge.credential;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import hk.esgone.badge.achievement.Achievement;
import hk.esgone.badge.config.BadgeProperties;

/**
 * The shape of what this issuer signs: Open Badges 3.0 {@code OpenBadgeCredential}s (W3C Verifiable Credentials
 * Data Model 2.0) and W3C Bitstring Status List credentials, secured as VC-JWTs (vc-jose-cose: the JWT payload is
 * the credential itself, header {@code typ: vc+jwt}, {@code cty: vc}, {@code kid} naming a key in the published
 * JWKS). The registered JWT claims {@code iss}, {@code jti}, {@code sub}, {@code iat}, {@code nbf}, {@code exp}
 * repeat the credential's own values for JWT libraries; the credential's values are authoritative.
 */
public final class CredentialFormat {

    public static final String VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String OB_V3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public static final String ISSUER_NAME = "ESG One (Hong Kong)";
    public static final String JWT_TYPE = "vc+jwt";
    public static final String CONTENT_TYPE = "vc";
    public static final String PURPOSE_REVOCATION = "revocation";
    public static final String PURPOSE_SUSPENSION = "suspension";
    public static final String ID_TYPE_COMPANY = "ext:EsgOneCompanyId";
    public static final String ID_TYPE_BR = "ext:HKBusinessRegistrationNumber";
    public static final String ID_TYPE_USCC = "ext:UnifiedSocialCreditCode";

    private CredentialFormat() {
    }

    /** What a credential says about its subject and status; everything else comes from the achievement. */
    public record Subject(String companyId, String brNumber, String uscc, String companyNameEn) {
    }

    public static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public static String achievementUrl(BadgeProperties properties, String achievementId) {
        return properties.base() + "/api/v1/badges/achievements/" + achievementId;
    }

    public static String statusListUrl(BadgeProperties properties, String purpose, int list) {
        return properties.statusListBase() + purpose + "/" + list;
    }

    public static String subjectId(BadgeProperties properties, String companyId) {
        return properties.base() + "/api/v1/directory/companies/" + companyId;
    }

    public static Map<String, Object> achievementJson(Achievement a, BadgeProperties properties) {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", achievementUrl(properties, a.id()));
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", a.kind().openBadgesType());
        achievement.put("name", a.name().en());
        achievement.put("description", a.description().en());
        Map<String, Object> criteria = new LinkedHashMap<>();
        if (a.criteriaUrl() != null) {
            criteria.put("id", a.criteriaUrl());
        }
        criteria.put("narrative", a.criteria().en());
        achievement.put("criteria", criteria);
        if (a.imageUrl() != null) {
            achievement.put("image", Map.of("id", a.imageUrl(), "type", "Image", "caption", a.name().en()));
        }
        achievement.put("inLanguage", "en");
        List<String> tags = new ArrayList<>(List.of(a.kind().name()));
        if (a.scorecardLevel() != null) {
            tags.add("scorecard-level:" + a.scorecardLevel().name());
        }
        achievement.put("tag", tags);
        achievement.put("creator", Map.of("id", properties.issuerId(), "type", List.of("Profile"), "name", ISSUER_NAME));
        return achievement;
    }

    /** The unsigned credential (and JWT claims) for one issuance of a badge. */
    public static Map<String, Object> openBadgeCredential(BadgeProperties properties, String credentialId, Achievement achievement,
                                                          Subject subject, Instant issuedAt, Instant validFrom,
                                                          Instant validUntil, int statusList, int statusIndex) {
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of(VC_V2_CONTEXT, OB_V3_CONTEXT));
        vc.put("id", credentialId);
        vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        vc.put("issuer", Map.of("id", properties.issuerId(), "type", List.of("Profile"), "name", ISSUER_NAME,
                "url", properties.base()));
        vc.put("validFrom", instant(validFrom));
        vc.put("validUntil", instant(validUntil));
        vc.put("awardedDate", instant(issuedAt));
        vc.put("name", achievement.name().en());
        Map<String, Object> credentialSubject = new LinkedHashMap<>();
        String subjectId = subjectId(properties, subject.companyId());
        credentialSubject.put("id", subjectId);
        credentialSubject.put("type", List.of("AchievementSubject"));
        List<Map<String, Object>> identifiers = new ArrayList<>();
        identifiers.add(identity(ID_TYPE_COMPANY, subject.companyId()));
        if (subject.brNumber() != null) {
            identifiers.add(identity(ID_TYPE_BR, subject.brNumber()));
        }
        if (subject.uscc() != null) {
            identifiers.add(identity(ID_TYPE_USCC, subject.uscc()));
        }
        credentialSubject.put("identifier", identifiers);
        credentialSubject.put("achievement", achievementJson(achievement, properties));
        vc.put("credentialSubject", credentialSubject);
        vc.put("credentialStatus", List.of(
                statusEntry(properties, PURPOSE_REVOCATION, statusList, statusIndex),
                statusEntry(properties, PURPOSE_SUSPENSION, statusList, statusIndex)));
        // registered JWT claims, consistent with the credential
        vc.put("iss", properties.issuerId());
        vc.put("jti", credentialId);
        vc.put("sub", subjectId);
        vc.put("iat", issuedAt.getEpochSecond());
        vc.put("nbf", validFrom.getEpochSecond());
        vc.put("exp", validUntil.getEpochSecond());
        return vc;
    }

    private static Map<String, Object> identity(String type, String value) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("type", "IdentityObject");
        identity.put("identityType", type);
        identity.put("hashed", false);
        identity.put("identityHash", value);
        return identity;
    }

    private static Map<String, Object> statusEntry(BadgeProperties properties, String purpose, int list, int index) {
        String listUrl = statusListUrl(properties, purpose, list);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", listUrl + "#" + index);
        entry.put("type", "BitstringStatusListEntry");
        entry.put("statusPurpose", purpose);
        entry.put("statusListIndex", Integer.toString(index));
        entry.put("statusListCredential", listUrl);
        return entry;
    }

    /** The unsigned status list credential. */
    public static Map<String, Object> statusListCredential(BadgeProperties properties, String purpose, int list,
                                                           String encodedList, Instant builtAt, Instant validUntil) {
        String url = statusListUrl(properties, purpose, list);
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of(VC_V2_CONTEXT));
        vc.put("id", url);
        vc.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        vc.put("issuer", properties.issuerId());
        vc.put("validFrom", instant(builtAt));
        vc.put("validUntil", instant(validUntil));
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", purpose);
        subject.put("encodedList", encodedList);
        subject.put("ttl", properties.statusList().maxAge().toMillis());
        vc.put("credentialSubject", subject);
        vc.put("iss", properties.issuerId());
        vc.put("jti", url);
        vc.put("iat", builtAt.getEpochSecond());
        vc.put("exp", validUntil.getEpochSecond());
        return vc;
    }
}
