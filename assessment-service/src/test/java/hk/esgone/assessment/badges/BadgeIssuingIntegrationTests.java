package hk.esgone.assessment.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import hk.esgone.assessment.support.AssessmentServiceIntegrationTest;
import hk.esgone.testsupport.time.MutableClock;
import tools.jackson.databind.JsonNode;

/**
 * The badges a submitted assessment earns, issued by the background job through a fake badge-service (and a fake
 * Keycloak token endpoint). The periodic job is left idle (a long interval): each test runs it with
 * {@link BadgeIssuing#runOnce()} and moves the clock past the backoff, so nothing depends on machine speed. The job
 * takes up every submitted assessment of its database (other tests' too), so each test counts only the calls for its
 * own company.
 */
@Import(BadgeIssuingIntegrationTests.Beans.class)
class BadgeIssuingIntegrationTests extends AssessmentServiceIntegrationTest {

    static final FakeBadgeService BADGES = new FakeBadgeService(KEYCLOAK);
    private static final Duration BACKOFF = Duration.ofMinutes(1);

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }

        /**
         * Its own database: this clock runs ahead, so the assessments submitted here are on the event feed with times
         * in the future, and a re-score's hole before them would hold the shared database's feed readers back.
         */
        @Bean
        org.springframework.data.mongodb.ReactiveMongoDatabaseFactory ownDatabase(
                com.mongodb.reactivestreams.client.MongoClient client) {
            return hk.esgone.assessment.support.OwnDatabase.named(client, "assessment-badges");
        }
    }

    @DynamicPropertySource
    static void badgeService(DynamicPropertyRegistry registry) {
        registry.add("esg.assessment.badges.url", BADGES::url);
        registry.add("esg.assessment.badges.token-uri", BADGES::tokenUri);
        registry.add("esg.assessment.badges.client-secret", () -> FakeBadgeService.CLIENT_SECRET);
        registry.add("esg.assessment.badges.interval", () -> "1h");
        registry.add("esg.assessment.badges.batch", () -> "100");
        registry.add("esg.assessment.badges.initial-backoff", () -> BACKOFF.toString());
        registry.add("esg.assessment.badges.max-backoff", () -> "PT10M");
        registry.add("esg.assessment.badges.level-achievement", () -> "ach-test-{level}-{year}");
    }

    @Autowired
    BadgeIssuing issuing;

    @Autowired
    MutableClock clock;

    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    @Autowired
    hk.esgone.assessment.badges.store.BadgeStateStore store;

    @AfterEach
    void badgeServiceBack() {
        BADGES.down(false);
        BADGES.loseResponses(0);
    }

    private String submitted(String companyId, int year) {
        String id = start(companyId, year).path("id").asText();
        answerAll(companyId, id);
        web.post().uri("/api/v1/assessments/" + id + "/submit").headers(h -> h.setBearerAuth(sme(companyId)))
                .exchange().expectStatus().isOk();
        return id;
    }

    private JsonNode badges(String token, String id) {
        return get(token, "/api/v1/assessments/" + id).path("badges");
    }

    private String level(String id, String companyId) {
        return get(sme(companyId), "/api/v1/assessments/" + id + "/scorecard").path("scorecard").path("score").path("level").asText();
    }

    private void run() {
        issuing.runOnce().block(Duration.ofSeconds(30));
    }

    @Test
    void bothBadgesAreIssuedOnceAfterSubmission() {
        String company = company("badges");
        String id = submitted(company, 2025);
        JsonNode before = badges(sme(company), id);
        assertThat(before.path("state").asText()).isEqualTo("PENDING");
        assertThat(before.path("issued").size()).isZero();
        assertThat(BADGES.callsFor(company)).isEmpty();

        run();
        run();

        List<FakeBadgeService.Call> calls = BADGES.callsFor(company);
        String level = level(id, company).toLowerCase();
        assertThat(calls).extracting(FakeBadgeService.Call::key).containsExactly(id + ":COMPLETION", id + ":LEVEL");
        assertThat(calls).extracting(FakeBadgeService.Call::achievementId)
                .containsExactly("ach-esg-one-ebadge", "ach-test-" + level + "-2025");
        JsonNode after = badges(sme(company), id);
        assertThat(after.path("state").asText()).isEqualTo("ISSUED");
        assertThat(after.path("issued").valueStream().map(b -> b.path("kind").asText() + "=" + b.path("badgeId").asText()))
                .containsExactly("COMPLETION=" + BADGES.badgeOf(id + ":COMPLETION"), "LEVEL=" + BADGES.badgeOf(id + ":LEVEL"));
        assertThat(after.path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void twoRunsAtOnceAsOnTwoInstancesAskOnceForEachBadge() {
        String company = company("instances");
        String id = submitted(company, 2025);

        reactor.core.publisher.Mono.zip(issuing.runOnce().subscribeOn(reactor.core.scheduler.Schedulers.parallel()),
                issuing.runOnce().subscribeOn(reactor.core.scheduler.Schedulers.parallel())).block(Duration.ofSeconds(30));

        assertThat(BADGES.callsFor(company)).extracting(FakeBadgeService.Call::key).containsExactly(id + ":COMPLETION", id + ":LEVEL");
        assertThat(badges(admin(), id).path("attempts").asInt()).isEqualTo(1);
        assertThat(badges(admin(), id).path("state").asText()).isEqualTo("ISSUED");
    }

    @Test
    void anAssessmentARunTookUpAndThenCrashedIsTakenUpAgainWhenItsLeaseEnds() {
        String company = company("crash");
        String id = submitted(company, 2025);
        // a run on another instance took it up and died before asking badge-service
        assertThat(store.claim(id, clock.instant(), clock.instant().plus(Duration.ofMinutes(2))).block(Duration.ofSeconds(10)))
                .isNotNull();

        run();
        assertThat(BADGES.callsFor(company)).isEmpty();

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        run();
        assertThat(BADGES.callsFor(company)).hasSize(2);
        assertThat(badges(admin(), id).path("state").asText()).isEqualTo("ISSUED");
        assertThat(badges(admin(), id).path("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void badgeServiceDownAtSubmissionNeitherFailsItNorLosesTheBadges() {
        BADGES.down(true);
        String company = company("down");
        String id = submitted(company, 2025);

        run();
        JsonNode waiting = badges(admin(), id);
        assertThat(waiting.path("state").asText()).isEqualTo("PENDING");
        assertThat(waiting.path("attempts").asInt()).isEqualTo(1);
        assertThat(waiting.path("lastError").asText()).contains("503").contains("unavailable");
        assertThat(waiting.path("nextAttemptAt").asText()).isNotBlank();
        // members see where it stands, not the service's error
        assertThat(badges(sme(company), id).path("lastError").isNull()).isTrue();

        BADGES.down(false);
        run(); // not due yet: the backoff has not passed
        assertThat(BADGES.issuedFor(company)).isZero();

        clock.advance(BACKOFF.plusSeconds(1));
        run();
        run();
        assertThat(badges(admin(), id).path("state").asText()).isEqualTo("ISSUED");
        assertThat(badges(admin(), id).path("lastError").isNull()).isTrue();
        assertThat(BADGES.issuedFor(company)).isEqualTo(2);
        assertThat(BADGES.callsFor(company).stream().map(FakeBadgeService.Call::key).distinct())
                .containsExactly(id + ":COMPLETION", id + ":LEVEL");
    }

    @Test
    void aLostAnswerIsRetriedWithTheSameKeyAndIssuesOnce() {
        String company = company("lost");
        String id = submitted(company, 2025);
        BADGES.loseResponses(1);

        run();
        assertThat(badges(admin(), id).path("state").asText()).isEqualTo("PENDING");
        String first = BADGES.badgeOf(id + ":COMPLETION");
        assertThat(first).isNotNull();

        clock.advance(BACKOFF.plusSeconds(1));
        run();

        List<FakeBadgeService.Call> calls = BADGES.callsFor(company);
        assertThat(calls).extracting(FakeBadgeService.Call::key)
                .containsExactly(id + ":COMPLETION", id + ":COMPLETION", id + ":LEVEL");
        assertThat(BADGES.issuedFor(company)).isEqualTo(2);
        JsonNode issued = badges(admin(), id).path("issued");
        assertThat(issued.get(0).path("badgeId").asText()).isEqualTo(first);
    }

    @Test
    void aPermanentRefusalIsRecordedAndNotRetriedUntilAnAdminAsks() {
        String company = company("refused");
        String id = submitted(company, 2024);
        String levelAchievement = "ach-test-" + level(id, company).toLowerCase() + "-2024";
        BADGES.refuse(levelAchievement);
        try {
            run();
            JsonNode failed = badges(admin(), id);
            assertThat(failed.path("state").asText()).isEqualTo("FAILED");
            assertThat(failed.path("lastError").asText()).contains("422 unknown-achievement").contains(levelAchievement);
            assertThat(failed.path("issued").valueStream().map(b -> b.path("kind").asText())).containsExactly("COMPLETION");

            clock.advance(Duration.ofHours(2));
            run();
            assertThat(BADGES.callsFor(company)).hasSize(2);

            // members cannot ask again; once the achievement exists, an admin can
            problem(web.post().uri("/api/v1/assessments/" + id + "/badges/retry").headers(h -> h.setBearerAuth(sme(company)))
                    .exchange(), 403, "forbidden");
            BADGES.accept(levelAchievement);
            web.post().uri("/api/v1/assessments/" + id + "/badges/retry").headers(h -> h.setBearerAuth(admin()))
                    .exchange().expectStatus().isAccepted();
            run();
        } finally {
            BADGES.accept(levelAchievement);
        }
        assertThat(badges(admin(), id).path("state").asText()).isEqualTo("ISSUED");
        assertThat(BADGES.callsFor(company)).extracting(FakeBadgeService.Call::key)
                .containsExactly(id + ":COMPLETION", id + ":LEVEL", id + ":LEVEL");
        problem(web.post().uri("/api/v1/assessments/" + id + "/badges/retry").headers(h -> h.setBearerAuth(admin())).exchange(),
                409, "badges-not-failed");
        problem(web.post().uri("/api/v1/assessments/asm-nothing-here/badges/retry").headers(h -> h.setBearerAuth(admin())).exchange(),
                404, "not-found");
    }

    @Test
    void aNewYearsAssessmentSupersedesTheOldBadgesAndAnOlderOneStillPendingGetsNone() {
        String company = company("years");
        String old = submitted(company, 2024);
        run();
        assertThat(badges(sme(company), old).path("state").asText()).isEqualTo("ISSUED");

        String next = submitted(company, 2025);
        run();
        assertThat(badges(sme(company), next).path("state").asText()).isEqualTo("ISSUED");
        assertThat(BADGES.callsFor(company).stream().filter(c -> c.key().startsWith(next)).map(FakeBadgeService.Call::reason))
                .containsOnly("Superseded by the company's 2025 ESG One assessment.").hasSize(2);

        // both years submitted before the job ran: the older one's badges would only be superseded at once
        String other = company("late");
        String older = submitted(other, 2024);
        String newer = submitted(other, 2025);
        run();
        JsonNode skipped = badges(admin(), older);
        assertThat(skipped.path("state").asText()).isEqualTo("SKIPPED");
        assertThat(skipped.path("lastError").asText()).contains("2025");
        assertThat(badges(admin(), newer).path("state").asText()).isEqualTo("ISSUED");
        assertThat(BADGES.callsFor(other)).extracting(FakeBadgeService.Call::key).containsExactly(newer + ":COMPLETION", newer + ":LEVEL");
    }

    @Test
    void aDraftHasNoBadgeStateAndAnotherCompanySeesNothing() {
        String company = company("draft");
        String id = start(company, 2025).path("id").asText();
        assertThat(badges(sme(company), id).isNull() || badges(sme(company), id).isMissingNode()).isTrue();
        run();
        assertThat(BADGES.callsFor(company)).isEmpty();
        problem(web.get().uri("/api/v1/assessments/" + id).headers(h -> h.setBearerAuth(sme(company("intruder")))).exchange(),
                404, "not-found");
    }

    @Test
    void aReScoreThatChangesTheLevelIssuesTheNewLevelBadgeOnceAndReplacesTheOldOne() {
        assertThat(mongo.getMongoDatabase().block(Duration.ofSeconds(10)).getName()).isEqualTo("assessment-badges");
        String company = company("badges-rescore");
        String id = start(company, 2025).path("id").asText();
        answerAll(company, id);
        JsonNode file = JSON.readTree(hk.esgone.assessment.evidence.EvidenceUploads.upload(web, sme(company), id, "code.pdf",
                hk.esgone.assessment.evidence.EvidenceUploads.pdf("code of conduct " + id)).expectStatus().isCreated().expectBody()
                .returnResult().getResponseBody());
        java.util.Map<String, Object> g04 = answer(true, 1);
        g04.put("evidence", java.util.Map.of("sha256", file.path("sha256").asText(), "fileName", "code.pdf",
                "size", file.path("size").asLong(), "contentType", "application/pdf"));
        put(sme(company), "/api/v1/assessments/" + id + "/answers/G04", g04).expectStatus().isOk();
        put(sme(company), "/api/v1/assessments/" + id + "/answers/G05", answer(false, 1)).expectStatus().isOk();
        web.post().uri("/api/v1/assessments/" + id + "/submit").headers(h -> h.setBearerAuth(sme(company))).exchange()
                .expectStatus().isOk();
        /*
         * By hand (industry C: E 0.45, S 0.30, G 0.25; E 80.952 and S 88.119 as answerAll answers them): G05 "no" leaves
         * G-ETHICS 16 of 36 (G04 capped at 2) = 44.44 %, G = (44.44 × 1.5 + G-PRIVACY 62.5) / 2.5 = 51.7, overall 75.8:
         * GOLD needs every pillar ≥ 55, so SILVER. Accepting G04's evidence: 18 of 36 = 50 %, G = (75 + 62.5) / 2.5 = 55.0,
         * overall 0.45 × 80.952 + 0.30 × 88.119 + 0.25 × 55 = 76.6: GOLD.
         */
        assertThat(level(id, company)).isEqualTo("SILVER");
        run();
        assertThat(BADGES.callsFor(company)).extracting(FakeBadgeService.Call::achievementId)
                .containsExactly("ach-esg-one-ebadge", "ach-test-silver-2025");

        web.post().uri("/api/v1/assessments/admin/evidence/" + id + "/G04").headers(h -> h.setBearerAuth(admin()))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(java.util.Map.of("decision", "ACCEPT"))
                .exchange().expectStatus().isOk();
        assertThat(level(id, company)).isEqualTo("GOLD");
        assertThat(badges(sme(company), id).path("state").asText()).as("the new level is due").isEqualTo("PENDING");
        run();
        run();

        List<FakeBadgeService.Call> calls = BADGES.callsFor(company);
        assertThat(calls).extracting(FakeBadgeService.Call::key).containsExactly(id + ":COMPLETION", id + ":LEVEL", id + ":LEVEL:2");
        assertThat(calls.get(2).achievementId()).isEqualTo("ach-test-gold-2025");
        JsonNode after = badges(sme(company), id);
        assertThat(after.path("state").asText()).isEqualTo("ISSUED");
        assertThat(after.path("issued").valueStream().map(b -> b.path("kind").asText() + "=" + b.path("achievementId").asText()))
                .containsExactly("COMPLETION=ach-esg-one-ebadge", "LEVEL=ach-test-gold-2025");
    }

    @Test
    void aReScoreWhileARunIssuesTheOldLevelLeavesTheNewLevelDue() {
        String company = company("badges-race");
        String id = start(company, 2025).path("id").asText();
        answerAll(company, id);
        JsonNode file = JSON.readTree(hk.esgone.assessment.evidence.EvidenceUploads.upload(web, sme(company), id, "code.pdf",
                hk.esgone.assessment.evidence.EvidenceUploads.pdf("race " + id)).expectStatus().isCreated().expectBody()
                .returnResult().getResponseBody());
        java.util.Map<String, Object> g04 = answer(true, 1);
        g04.put("evidence", java.util.Map.of("sha256", file.path("sha256").asText(), "fileName", "code.pdf",
                "size", file.path("size").asLong(), "contentType", "application/pdf"));
        put(sme(company), "/api/v1/assessments/" + id + "/answers/G04", g04).expectStatus().isOk();
        put(sme(company), "/api/v1/assessments/" + id + "/answers/G05", answer(false, 1)).expectStatus().isOk();
        web.post().uri("/api/v1/assessments/" + id + "/submit").headers(h -> h.setBearerAuth(sme(company))).exchange()
                .expectStatus().isOk();

        // a run takes the assessment up (revision 1, SILVER) ...
        var due = store.claim(id, clock.instant(), clock.instant().plus(Duration.ofMinutes(2))).block(Duration.ofSeconds(10));
        assertThat(due.scoreRevision()).isEqualTo(1);
        // ... the admin accepts the evidence meanwhile (GOLD, revision 2) ...
        web.post().uri("/api/v1/assessments/admin/evidence/" + id + "/G04").headers(h -> h.setBearerAuth(admin()))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(java.util.Map.of("decision", "ACCEPT"))
                .exchange().expectStatus().isOk();
        // ... and the run, having issued the SILVER badge, finishes: it does not mark the badges issued
        store.finish(id, BadgeState.State.ISSUED, null, due.scoreRevision()).block(Duration.ofSeconds(10));
        assertThat(badges(sme(company), id).path("state").asText()).isEqualTo("PENDING");

        clock.advance(Duration.ofMinutes(3)); // the lease ends
        run();
        assertThat(BADGES.callsFor(company)).extracting(FakeBadgeService.Call::achievementId).contains("ach-test-gold-2025");
        assertThat(badges(sme(company), id).path("state").asText()).isEqualTo("ISSUED");
    }
}
