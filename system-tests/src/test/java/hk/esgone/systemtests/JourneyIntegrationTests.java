package hk.esgone.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import hk.esgone.testsupport.elasticsearch.TestElasticsearch;
import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.testsupport.mongo.TestMongo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole marketplace, end to end, as its users meet it: the four packaged applications as processes,
 * real Keycloak and Elasticsearch, one embedded MongoDB-wire server (a database per service), and every
 * user request through the gateway. One company's story, step by step: it signs up and applies, is
 * approved, completes its profile, is found by buyers, earns a badge that the directory shows, claims a
 * badge-gated partner offer that the partner redeems, and loses the badge again — after which the widget,
 * the verification page, the directory and the offer all say so.
 * <p>
 * The steps share state and run in order; a failed step makes the later ones fail too (read the first failure).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.shared();
    /** Upper bound for anything that happens in the background (indexing, the badge feed): far above the usual seconds. */
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final String PROBLEMS = "https://esg-one.hk/problems/";
    private static final String PASSWORD = "journey-" + UUID.randomUUID();

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36) + ThreadLocalRandom.current().nextInt(1000, 9999);
    private static final String INDEX_PREFIX = "journey" + RUN;
    /** Words no other company has, so that finding them finds this company. */
    private static final String ENGLISH_WORD = "zephyrloom" + letters(6);
    private static final String CHINESE_PHRASE = chinese(4);
    private static final String APPLICANT_EMAIL = "journey-" + RUN + "@example.test";
    private static final String ACHIEVEMENT_ID = "ach-journey-gold-" + RUN;
    private static final String CORRELATION_ID = "journey-claim-" + RUN;

    private static Map<String, RunningApp> apps = Map.of();
    private static RunningApp gateway;
    private static Path badgeKeys;

    // what the journey learns as it goes
    private static String applicantUserId;
    private static String companyId;
    private static String brNumber;
    private static String badgeId;
    private static String offerId;
    private static String claimCode;

    @BeforeAll
    static void startTheMarketplace() throws IOException {
        String issuer = TestKeycloak.issuer();
        String mongo = TestMongo.uri();
        badgeKeys = Files.createTempDirectory("journey-badge-keys-");
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String module : List.of("badge-service", "directory-service", "offers-service", "gateway")) {
            ports.put(module, RunningApp.freePort());
        }
        String badgeUrl = "http://127.0.0.1:" + ports.get("badge-service");
        String directoryUrl = "http://127.0.0.1:" + ports.get("directory-service");
        String offersUrl = "http://127.0.0.1:" + ports.get("offers-service");
        String gatewayUrl = "http://127.0.0.1:" + ports.get("gateway");
        // as dev/stack runs them: one Mongo server, a database per service; services call each other directly
        Map<String, Map<String, String>> env = Map.of(
                "badge-service", Map.of("MONGODB_URI", mongo, "MONGODB_DATABASE", "badges-" + INDEX_PREFIX,
                        "KEYCLOAK_ISSUER", issuer, "ESG_BADGE_KEY_DIR", badgeKeys.toString(), "ESG_BADGE_PUBLIC_URL", gatewayUrl,
                        "DIRECTORY_URL", directoryUrl),
                "directory-service", Map.ofEntries(Map.entry("MONGODB_URI", mongo), Map.entry("MONGODB_DATABASE", "directory-" + INDEX_PREFIX),
                        Map.entry("KEYCLOAK_URL", TestKeycloak.url()), Map.entry("KEYCLOAK_ISSUER", issuer),
                        Map.entry("ELASTICSEARCH_URL", TestElasticsearch.url()), Map.entry("ESG_DIRECTORY_INDEX_PREFIX", INDEX_PREFIX),
                        Map.entry("BADGE_URL", badgeUrl), Map.entry("ESG_DIRECTORY_BADGEFEED_POLLINTERVAL", "1s"),
                        // other companies to search among, so that "found first" means something
                        Map.entry("ESG_DIRECTORY_DEMO_DATA", "true"), Map.entry("ESG_DIRECTORY_DEMO_COUNT", "300")),
                "offers-service", Map.of("MONGODB_URI", mongo, "MONGODB_DATABASE", "offers-" + INDEX_PREFIX, "KEYCLOAK_ISSUER", issuer,
                        "BADGE_URL", badgeUrl, "DIRECTORY_URL", directoryUrl),
                "gateway", Map.of("DIRECTORY_URL", directoryUrl, "OFFERS_URL", offersUrl, "BADGE_URL", badgeUrl, "KEYCLOAK_ISSUER", issuer));
        apps = RunningApp.startAll(ports, env);
        gateway = apps.get("gateway");
    }

    @AfterAll
    static void stopAndCleanUp() {
        apps.values().forEach(RunningApp::close);
        // leave the shared Keycloak realm and Elasticsearch cluster as they were
        tryQuietly(() -> {
            for (String id : companyId == null ? List.<String>of() : organizationsWithAlias(companyId)) {
                keycloakAdmin("DELETE", "/organizations/" + id, null);
            }
            return null;
        });
        tryQuietly(() -> applicantUserId == null ? null : keycloakAdmin("DELETE", "/users/" + applicantUserId, null));
        tryQuietly(() -> {
            HttpResponse<String> indices = HTTP.send(HttpRequest.newBuilder(URI.create(TestElasticsearch.url()
                    + "/_cat/indices/" + INDEX_PREFIX + "*?h=index")).build(), HttpResponse.BodyHandlers.ofString());
            for (String index : indices.body().split("\\s+")) {
                if (index.startsWith(INDEX_PREFIX)) {
                    HTTP.send(HttpRequest.newBuilder(URI.create(TestElasticsearch.url() + "/" + index)).DELETE().build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
            return null;
        });
        tryQuietly(() -> {
            try (var files = Files.walk(badgeKeys)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            return null;
        });
    }

    @Test
    @Order(1)
    void anApplicantSignsUpAndAppliesForItsCompany() throws Exception {
        // the sign-up page creates the account in Keycloak (here through a service account allowed to manage users)
        HttpResponse<String> created = keycloakAdmin("POST", "/users", Map.of(
                "username", APPLICANT_EMAIL, "email", APPLICANT_EMAIL, "firstName", "Journey", "lastName", "Applicant",
                "enabled", true, "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
        assertThat(created.statusCode()).as("Keycloak user creation: %s", created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        applicantUserId = location.substring(location.lastIndexOf('/') + 1);

        String token = applicantToken();
        Json me = call("GET", "/api/v1/directory/me", token, null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("companyIds").size()).as("a new account belongs to no company yet").isZero();

        brNumber = uniqueBrNumber();
        Json applied = call("POST", "/api/v1/directory/applications", token, Map.of(
                "kind", "SUPPLIER",
                "brNumber", brNumber,
                "name", Map.of("en", "Journey Metalworks " + RUN, "zhHant", "旅程金屬製品 " + RUN),
                "description", Map.of("en", "Precision metal parts.", "zhHant", "精密金屬零件。"),
                "industry", "C",
                "sector", "METAL",
                "locations", List.of("KWUN_TONG"),
                "sizeBand", "SMALL"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        companyId = applied.json().path("id").asString();
        assertThat(companyId).matches("^cmp-[a-z0-9][a-z0-9-]{2,60}$");
        assertThat(applied.json().path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(applied.json().path("brNumber").asString()).isEqualTo(brNumber);

        Json mine = call("GET", "/api/v1/directory/applications/mine", token, null);
        assertThat(ids(mine.json())).containsExactly(companyId);

        Json publicView = call("GET", "/api/v1/directory/companies/" + companyId, null, null);
        assertThat(publicView.status()).as("an application is not public").isEqualTo(404);
        assertThat(publicView.contentType()).startsWith("application/problem+json");

        Json again = call("POST", "/api/v1/directory/applications", token, Map.of(
                "kind", "SUPPLIER", "brNumber", "1234567", "name", Map.of("en", "Bad BR"), "industry", "G", "locations", List.of("KWUN_TONG")));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.type()).isEqualTo(PROBLEMS + "invalid-registration-number");
    }

    @Test
    @Order(2)
    void anAdminApprovesItAndKeycloakKnowsTheCompanyAndItsMember() throws Exception {
        String admin = TestKeycloak.adminToken();
        Json pending = call("GET", "/api/v1/directory/admin/applications", admin, null);
        assertThat(pending.status()).isEqualTo(200);
        assertThat(ids(pending.json())).contains(companyId);

        Json approved = call("POST", "/api/v1/directory/admin/companies/" + companyId + "/approve", admin, null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("PUBLISHED");

        List<String> withAlias = organizationsWithAlias(companyId);
        assertThat(withAlias).as("Keycloak organizations whose alias is %s", companyId).hasSize(1);
        String organizationId = withAlias.get(0);
        JsonNode members = JSON.readTree(keycloakAdmin("GET", "/organizations/" + organizationId + "/members", null).body());
        List<String> memberIds = new ArrayList<>();
        members.forEach(m -> memberIds.add(m.path("id").asString()));
        assertThat(memberIds).containsExactly(applicantUserId);

        Json publicView = call("GET", "/api/v1/directory/companies/" + companyId, null, null);
        assertThat(publicView.status()).as("approved means published").isEqualTo(200);
        assertThat(publicView.json().path("name").path("zhHant").asString()).isEqualTo("旅程金屬製品 " + RUN);
    }

    @Test
    @Order(3)
    void theMemberCompletesTheProfile() throws Exception {
        String token = applicantToken(); // a new token: it carries the organization and the role granted on approval
        JsonNode claims = jwtClaims(token);
        assertThat(claims.path("organization").toString()).contains(companyId);
        Json me = call("GET", "/api/v1/directory/me", token, null);
        assertThat(me.json().path("companyIds").toString()).isEqualTo("[\"" + companyId + "\"]");
        assertThat(me.json().path("roles").toString()).contains("\"sme\"");

        Json before = call("GET", "/api/v1/directory/companies/" + companyId, token, null);
        String etag = before.header("ETag");
        assertThat(etag).as("members get the version to edit against").isNotBlank();
        String validUntil = LocalDate.now().plusYears(2).toString();
        Json saved = call("PUT", "/api/v1/directory/companies/" + companyId, token, Map.of(
                "name", Map.of("en", "Journey Metalworks " + RUN, "zhHant", "旅程金屬製品 " + RUN),
                "description", Map.of(
                        "en", "Precision metal parts made with " + ENGLISH_WORD + " low-carbon casting.",
                        "zhHant", "以" + CHINESE_PHRASE + "低碳鑄造技術生產精密金屬零件。"),
                "industry", "C",
                "sector", "METAL",
                "locations", List.of("KWUN_TONG", "DONGGUAN"),
                "certifications", List.of(
                        Map.of("code", "ISO_14001", "number", "EMS-" + RUN, "issuer", "HKQAA", "validUntil", validUntil),
                        Map.of("code", "ISO_50001", "number", "EnMS-" + RUN, "issuer", "SGS", "validUntil", validUntil)),
                "website", "https://journey-" + RUN + ".example.test",
                "contact", Map.of("name", "Journey Applicant", "email", APPLICANT_EMAIL, "phone", "+852 2123 4567"),
                "sizeBand", "SMALL"), Map.of("If-Match", etag));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        Json publicView = call("GET", "/api/v1/directory/companies/" + companyId, null, null);
        assertThat(publicView.json().path("description").path("en").asString()).contains(ENGLISH_WORD);
        assertThat(publicView.json().path("description").path("zhHant").asString()).contains(CHINESE_PHRASE);
        assertThat(publicView.json().path("certifications").findValuesAsString("code")).containsExactly("ISO_14001", "ISO_50001");
        assertThat(publicView.body()).contains("DONGGUAN");

        Json stale = call("PUT", "/api/v1/directory/companies/" + companyId, token, Map.of(
                "name", Map.of("en", "Overwritten"), "industry", "C", "sector", "METAL", "locations", List.of("KWUN_TONG")),
                Map.of("If-Match", etag));
        assertThat(stale.status()).as("an edit against an old version loses nothing").isEqualTo(412);
    }

    @Test
    @Order(4)
    void aBuyerFindsTheCompanyInChineseAndInEnglish() throws Exception {
        String buyer = TestKeycloak.demoToken(TestKeycloak.BUYER);
        Json chinese = eventually("the Chinese search finds " + companyId,
                () -> call("GET", "/api/v1/directory/search?q=" + enc(CHINESE_PHRASE), buyer, null),
                r -> r.status() == 200 && firstHit(r).equals(companyId));
        assertThat(chinese.json().path("items").get(0).path("name").path("zhHant").asString()).isEqualTo("旅程金屬製品 " + RUN);

        Json english = eventually("the anonymous English search finds " + companyId,
                () -> call("GET", "/api/v1/directory/search?q=" + enc(ENGLISH_WORD), null, null),
                r -> r.status() == 200 && firstHit(r).equals(companyId));
        assertThat(ids(english.json().path("items"))).as("the made-up word is only in this profile").containsExactly(companyId);

        Json filtered = call("GET", "/api/v1/directory/search?q=" + enc(ENGLISH_WORD) + "&location=DONGGUAN&certification=ISO_50001", null, null);
        assertThat(ids(filtered.json().path("items"))).containsExactly(companyId);
        Json elsewhere = call("GET", "/api/v1/directory/search?q=" + enc(ENGLISH_WORD) + "&location=SHA_TIN", null, null);
        assertThat(ids(elsewhere.json().path("items"))).isEmpty();
    }

    @Test
    @Order(5)
    void anAdminIssuesAScorecardBadgeToTheCompany() throws Exception {
        String admin = TestKeycloak.adminToken();
        Json achievement = call("POST", "/api/v1/badges/admin/achievements", admin, Map.of(
                "id", ACHIEVEMENT_ID, "kind", "SCORECARD_LEVEL", "scorecardLevel", "GOLD",
                "name", Map.of("en", "ESG One Scorecard — Gold (journey " + RUN + ")", "zhHant", "ESG One 評分卡 — 金級（" + RUN + "）"),
                "description", Map.of("en", "Scored Gold in the ESG One scorecard.", "zhHant", "在 ESG One 評分卡獲得金級。"),
                "criteria", Map.of("en", "Overall score of 75 or more.", "zhHant", "總分 75 分或以上。"),
                "validity", "P1Y"));
        assertThat(achievement.status()).as(achievement.body()).isEqualTo(201);

        Map<String, Object> issue = Map.of("achievementId", ACHIEVEMENT_ID, "company", Map.of(
                "id", companyId, "brNumber", brNumber, "name", Map.of("en", "Journey Metalworks " + RUN, "zhHant", "旅程金屬製品 " + RUN)));
        String key = "journey-issue-" + RUN;
        Json issued = call("POST", "/api/v1/badges/admin/badges", admin, issue, Map.of("Idempotency-Key", key));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        badgeId = issued.json().path("id").asString();
        assertThat(issued.json().path("status").asString()).isEqualTo("VALID");
        assertThat(issued.json().path("holder").toString()).contains(companyId);

        Json replay = call("POST", "/api/v1/badges/admin/badges", admin, issue, Map.of("Idempotency-Key", key));
        assertThat(replay.json().path("id").asString()).as("a retried issue does not issue twice").isEqualTo(badgeId);

        Json widget = call("GET", "/widget/badges/" + badgeId + "/status", null, null);
        assertThat(widget.json().path("status").asString()).isEqualTo("VALID");
        assertThat(widget.json().path("valid").asBoolean()).isTrue();
        Json page = call("GET", "/badges/" + badgeId + "?lang=en", null, null, Map.of("Accept", "text/html"));
        assertThat(page.body()).contains("Verified: this badge is valid.");
    }

    @Test
    @Order(6)
    void anyoneSeesTheCompanysLiveBadgesAndItsCredentialWithoutAnAccount() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        // docs/contracts.md: "Live holdings (public, no token)"
        Json holders = call("GET", "/api/v1/badges/holders/" + companyId, null, null);
        softly.assertThat(holders.status()).as("anonymous GET /api/v1/badges/holders/{id} through the gateway: %s", holders.body()).isEqualTo(200);
        if (holders.status() == 200) {
            softly.assertThat(holders.json().path("badges").findValuesAsString("id")).containsExactly(badgeId);
        }
        // PRODUCT.md: a buyer "can check the signature offline with public keys" — so the credential is public too
        Json credential = call("GET", "/api/v1/badges/credentials/" + badgeId, null, null);
        softly.assertThat(credential.status()).as("anonymous GET /api/v1/badges/credentials/{id} through the gateway: %s", credential.body()).isEqualTo(200);
        if (credential.status() == 200) {
            softly.assertThat(credential.body().split("\\.")).as("a compact JWS").hasSize(3);
        }
        softly.assertAll();
    }

    @Test
    @Order(7)
    void theDirectoryShowsTheBadgeAndItsBadgeFilterFindsTheCompany() throws Exception {
        Json profile = eventually("the directory profile shows badge " + badgeId,
                () -> call("GET", "/api/v1/directory/companies/" + companyId, null, null),
                r -> r.status() == 200 && r.json().path("badges").findValuesAsString("id").contains(badgeId));
        JsonNode badge = profile.json().path("badges").get(0);
        assertThat(badge.path("status").asString()).isEqualTo("VALID");
        assertThat(badge.path("achievementId").asString()).isEqualTo(ACHIEVEMENT_ID);

        Json filtered = eventually("the badge filter finds " + companyId,
                () -> call("GET", "/api/v1/directory/search?badge=" + ACHIEVEMENT_ID, null, null),
                r -> r.status() == 200 && ids(r.json().path("items")).contains(companyId));
        assertThat(ids(filtered.json().path("items"))).as("no other company holds this badge").containsExactly(companyId);
    }

    @Test
    @Order(8)
    void aPartnerPublishesAnOfferThatRequiresTheBadge() throws Exception {
        String partner = TestKeycloak.demoToken(TestKeycloak.PARTNER);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Json created = call("POST", "/api/v1/offers/partner/offers", partner, Map.ofEntries(
                Map.entry("type", "PERCENTAGE_DISCOUNT"), Map.entry("value", 10), Map.entry("currency", "HKD"),
                Map.entry("title", Map.of("en", "10% off green trade finance fees", "zhHant", "綠色貿易融資手續費九折")),
                Map.entry("description", Map.of("en", "For Gold scorecard manufacturers.", "zhHant", "適用於評分卡金級製造商。")),
                Map.entry("terms", Map.of("en", "One use per claim.", "zhHant", "每次領取限用一次。")),
                Map.entry("category", "BANKING_AND_FINANCE"),
                Map.entry("validFrom", now.toString()), Map.entry("validUntil", now.plus(30, ChronoUnit.DAYS).toString()),
                Map.entry("quota", 10), Map.entry("perCompanyLimit", 2),
                // the badge, and manufacturing: offers-service asks badge-service and directory-service at claim time
                Map.entry("eligibility", Map.of("requiredAchievementId", ACHIEVEMENT_ID, "industries", List.of("C"))),
                Map.entry("redemption", Map.of("method", "UNIQUE_CODE"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        offerId = created.json().path("id").asString();
        assertThat(created.json().path("partnerId").asString()).isEqualTo(TestKeycloak.PARTNER_ORG);
        assertThat(created.json().path("status").asString()).isEqualTo("DRAFT");

        Json submitted = call("POST", "/api/v1/offers/partner/offers/" + offerId + "/submit", partner, null);
        assertThat(submitted.json().path("status").asString()).as(submitted.body()).isEqualTo("SUBMITTED");
        Json approved = call("POST", "/api/v1/offers/admin/offers/" + offerId + "/approve", TestKeycloak.adminToken(), null);
        assertThat(approved.json().path("status").asString()).as(approved.body()).isEqualTo("PUBLISHED");

        Json listed = call("GET", "/api/v1/offers/catalogue/" + offerId, null, null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("eligibility").toString()).contains(ACHIEVEMENT_ID);
    }

    @Test
    @Order(9)
    void theMemberClaimsTheOfferAndGetsACodeWhileACompanyWithoutTheBadgeIsRefused() throws Exception {
        String member = applicantToken();
        String key = "journey-claim-" + RUN;
        Json claimed = call("POST", "/api/v1/offers/" + offerId + "/claims", member, Map.of("note", "For our Kwun Tong plant"),
                Map.of("Idempotency-Key", key, "X-Correlation-Id", CORRELATION_ID));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
        claimCode = claimed.json().path("code").asString();
        assertThat(claimCode).isNotBlank();
        assertThat(claimed.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(claimed.header("X-Correlation-Id")).isEqualTo(CORRELATION_ID);

        Json replay = call("POST", "/api/v1/offers/" + offerId + "/claims", member, Map.of("note", "For our Kwun Tong plant"),
                Map.of("Idempotency-Key", key));
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().path("code").asString()).as("a retried claim is the same claim").isEqualTo(claimCode);

        Json other = call("POST", "/api/v1/offers/" + offerId + "/claims", TestKeycloak.demoToken(TestKeycloak.SME_2), null,
                Map.of("Idempotency-Key", "journey-other-" + RUN));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.type()).isEqualTo(PROBLEMS + "not-eligible");
        assertThat(other.body()).contains(ACHIEVEMENT_ID);
    }

    @Test
    @Order(10)
    void theClaimCarriesOneCorrelationIdThroughEveryServiceItTouched() {
        // the claim went gateway → offers-service, which asked badge-service (badge) and directory-service (industry)
        for (String module : List.of("gateway", "offers-service", "badge-service", "directory-service")) {
            RunningApp app = apps.get(module);
            eventually(module + "'s log (" + app.log + ") mentions correlation id " + CORRELATION_ID,
                    () -> Files.readString(app.log, StandardCharsets.UTF_8), log -> log.contains(CORRELATION_ID));
        }
    }

    @Test
    @Order(11)
    void thePartnerConfirmsTheRedemption() throws Exception {
        String partner = TestKeycloak.demoToken(TestKeycloak.PARTNER);
        Json redeemed = call("POST", "/api/v1/offers/partner/offers/" + offerId + "/redemptions", partner, Map.of("code", claimCode));
        assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
        assertThat(redeemed.json().path("status").asString()).isEqualTo("REDEEMED");
        assertThat(redeemed.json().path("companyId").asString()).isEqualTo(companyId);

        Json claims = call("GET", "/api/v1/offers/partner/offers/" + offerId + "/claims", partner, null);
        JsonNode only = claims.json().path("items");
        assertThat(only.size()).isEqualTo(1);
        assertThat(only.get(0).path("status").asString()).isEqualTo("REDEEMED");
        assertThat(only.get(0).path("redeemedAt").isNull()).isFalse();

        Json mine = call("GET", "/api/v1/offers/claims/mine", applicantToken(), null);
        assertThat(mine.json().path("items").findValuesAsString("status")).containsExactly("REDEEMED");

        Json otherPartner = call("POST", "/api/v1/offers/partner/offers/" + offerId + "/redemptions",
                TestKeycloak.demoToken(TestKeycloak.PARTNER_2), Map.of("code", claimCode));
        assertThat(otherPartner.status()).as("another partner cannot touch this offer").isEqualTo(404);
    }

    @Test
    @Order(12)
    void anAdminRevokesTheBadge() throws Exception {
        Json revoked = call("POST", "/api/v1/badges/admin/badges/" + badgeId + "/revoke", TestKeycloak.adminToken(),
                Map.of("reason", "Scorecard withdrawn after re-assessment"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().path("status").asString()).isEqualTo("REVOKED");

        Json noReason = call("POST", "/api/v1/badges/admin/badges/" + badgeId + "/revoke", TestKeycloak.adminToken(), Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
    }

    @Test
    @Order(13)
    void everyoneSeesTheRevocation() throws Exception {
        Json widget = eventually("the widget says not valid",
                () -> call("GET", "/widget/badges/" + badgeId + "/status", null, null),
                r -> r.status() == 200 && !r.json().path("valid").asBoolean(true));
        assertThat(widget.json().path("status").asString()).isEqualTo("REVOKED");

        Json english = eventually("the verification page says revoked",
                () -> call("GET", "/badges/" + badgeId + "?lang=en", null, null, Map.of("Accept", "text/html")),
                r -> r.status() == 200 && r.body().contains("data-status=\"REVOKED\""));
        assertThat(english.contentType()).startsWith("text/html");
        assertThat(english.body()).contains("NOT VALID — this badge has been revoked").contains("Journey Metalworks " + RUN);
        Json chinese = call("GET", "/badges/" + badgeId + "?lang=zh-Hant", null, null, Map.of("Accept", "text/html"));
        assertThat(chinese.header("Content-Language")).isEqualTo("zh-Hant");
        assertThat(chinese.body()).contains("無效 — 此徽章已被 ESG One 撤銷").contains("旅程金屬製品 " + RUN);

        eventually("the directory badge filter no longer finds " + companyId,
                () -> call("GET", "/api/v1/directory/search?badge=" + ACHIEVEMENT_ID, null, null),
                r -> r.status() == 200 && !ids(r.json().path("items")).contains(companyId));
        Json profile = call("GET", "/api/v1/directory/companies/" + companyId, null, null);
        assertThat(profile.json().path("badges").findValuesAsString("status")).containsExactly("REVOKED");

        // the offer allows two claims per company, so only the lost badge can be why this one is refused
        Json refused = call("POST", "/api/v1/offers/" + offerId + "/claims", applicantToken(), null,
                Map.of("Idempotency-Key", "journey-after-revocation-" + RUN));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.type()).isEqualTo(PROBLEMS + "not-eligible");
        assertThat(refused.body()).contains(ACHIEVEMENT_ID);
    }

    // --- a small HTTP vocabulary --------------------------------------------------------------------------

    record Json(int status, HttpResponse<String> response) {
        String body() {
            return response.body();
        }

        JsonNode json() {
            return JSON.readTree(response.body());
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type") == null ? "" : header("Content-Type");
        }

        String type() {
            return json().path("type").asString();
        }
    }

    private static Json call(String method, String path, String token, Object body) throws IOException, InterruptedException {
        return call(method, path, token, body, Map.of());
    }

    /** A request to the gateway, as a browser or API client would send it. */
    private static Json call(String method, String path, String token, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Json(response.statusCode(), response);
    }

    /** Keycloak's admin REST API for the realm, with the service account that may manage users and organizations. */
    private static HttpResponse<String> keycloakAdmin(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestKeycloak.url() + "/admin/realms/" + TestKeycloak.REALM + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestKeycloak.directoryServiceToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Keycloak's search matches organization names (the directory puts the company id in the name); the alias decides. */
    private static List<String> organizationsWithAlias(String alias) throws IOException, InterruptedException {
        HttpResponse<String> found = keycloakAdmin("GET", "/organizations?search=" + enc(alias) + "&max=100", null);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(found.body()).forEach(o -> {
            if (alias.equals(o.path("alias").asString())) {
                ids.add(o.path("id").asString());
            }
        });
        return ids;
    }

    private static String applicantToken() {
        return TestKeycloak.passwordToken(APPLICANT_EMAIL, PASSWORD);
    }

    /**
     * Asks {@code probe} until {@code done} accepts its answer, for at most {@link #EVENTUALLY}; fails with the
     * last answer. For what the system does in the background (indexing, the badge feed), never as a delay.
     */
    private static <T> T eventually(String what, Callable<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + EVENTUALLY.toNanos();
        T last = null;
        Exception lastError = null;
        while (true) {
            try {
                last = probe.call();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                String seen = last instanceof Json j ? j.status() + " " + j.body() : String.valueOf(last);
                throw new AssertionError("Not within " + EVENTUALLY + ": " + what + "; last seen: "
                        + (seen.length() > 2000 ? seen.substring(0, 2000) + "…" : seen), lastError);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + what, e);
            }
        }
    }

    /** The ids of a list of companies or of search hits. */
    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private static String firstHit(Json search) {
        JsonNode items = search.json().path("items");
        return items.isEmpty() ? "" : items.get(0).path("id").asString();
    }

    private static JsonNode jwtClaims(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    /** Eight digits, different on every run (the directory refuses a BR number that is already registered). */
    private static String uniqueBrNumber() {
        return String.format("%08d", 10_000_000 + Math.floorMod(System.nanoTime() ^ ThreadLocalRandom.current().nextLong(), 89_999_999L));
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    /** Traditional Chinese characters drawn at random: a phrase no other profile contains. */
    private static String chinese(int n) {
        String pool = "鑫淼焱垚犇骉麤靐龘爨鱻燚煜熠曦璨瑾瑜琛璟翊翎霆霏靚韜頊顥颯馨驍鵬鴻鷺麒";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(pool.charAt(ThreadLocalRandom.current().nextInt(pool.length())));
        }
        return s.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private interface Step {
        Object run() throws Exception;
    }

    private static void tryQuietly(Step step) {
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            System.err.println("journey clean-up: " + e);
        }
    }
}
