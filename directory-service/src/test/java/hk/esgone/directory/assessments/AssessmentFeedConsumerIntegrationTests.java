package hk.esgone.directory.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.directory.company.Company;
import hk.esgone.directory.company.store.CompanyRepository;
import hk.esgone.directory.feeds.store.ConsumerCursors;
import hk.esgone.directory.search.store.SearchIndexManager;
import hk.esgone.directory.support.Await;
import hk.esgone.directory.support.DirectoryTestProperties;
import hk.esgone.directory.support.FakeAssessmentFeed;
import hk.esgone.directory.support.FakeKeycloakConfig;
import hk.esgone.directory.support.Responses;
import hk.esgone.directory.support.TestTokens;
import hk.esgone.testsupport.elasticsearch.TestElasticsearch;
import hk.esgone.testsupport.jwt.TestTokenIssuer;
import hk.esgone.testsupport.web.TestWebClients;
import tools.jackson.databind.JsonNode;

/**
 * Scorecards arrive from assessment-service's feed (a fake one here, per docs/contracts.md), followed by the
 * consumer's own scheduled poll as in production: the newest year's scorecard is shown read-only with the
 * assessment's level, replays change nothing, an outage is caught up afterwards, the admin cannot overwrite it, and
 * search (a real Elasticsearch) shows the company under the new level.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"esg.directory.demo.enabled=true", "esg.directory.demo.count=10"})
@Import(FakeKeycloakConfig.class)
class AssessmentFeedConsumerIntegrationTests {

    static final TestTokenIssuer issuer = new TestTokenIssuer();
    static final TestTokens tokens = new TestTokens(issuer);
    static final FakeAssessmentFeed feed = new FakeAssessmentFeed();
    static final String ELASTICSEARCH = TestElasticsearch.url();
    static final String PREFIX = DirectoryTestProperties.indexPrefix("assessments");
    static final Instant SUBMITTED = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DirectoryTestProperties.register(registry, issuer, "assessments", ELASTICSEARCH, PREFIX);
        registry.add("esg.directory.assessment-feed.enabled", () -> "true");
        registry.add("esg.directory.assessment-feed.url", feed::url);
        registry.add("esg.directory.assessment-feed.poll-interval", () -> "200ms");
        registry.add("esg.directory.assessment-feed.batch-size", () -> "2");
    }

    @AfterAll
    static void stop() throws Exception {
        issuer.close();
        feed.close();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(ELASTICSEARCH + "/_cat/indices/" + PREFIX + "*?h=index"))
                .build(), HttpResponse.BodyHandlers.ofString());
        for (String index : list.body().split("\\s+")) {
            if (index.startsWith(PREFIX)) {
                http.send(HttpRequest.newBuilder(URI.create(ELASTICSEARCH + "/" + index)).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    @Autowired
    CompanyRepository companies;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    SearchIndexManager indexes;
    @LocalServerPort
    int port;
    WebTestClient web;

    @BeforeEach
    void demoDataLoaded() {
        web = TestWebClients.unpooled(port);
        Await.until("demo data", Duration.ofSeconds(30), () -> companies.findById("cmp-demo-energy-solutions").blockOptional().isPresent());
    }

    @Test
    void theNewestYearsScorecardIsShownWithTheAssessmentsLevelAndReplayingTheFeedChangesNothing() {
        // 72.9 overall reaches directory's own GOLD threshold (70), but G is 50.0: by the assessment's rules that is SILVER
        feed.add("cmp-demo-supplier", "asm-supplier2025", 2025, "SILVER", SUBMITTED, "90.0", "77.6", "50.0", "72.9");
        // an older year arriving later never replaces the newer one
        feed.add("cmp-demo-supplier", "asm-supplier2024", 2024, "GOLD", SUBMITTED.minusSeconds(60), "80.0", "80.0", "80.0", "80.0");
        // events a consumer must survive without applying them
        feed.addRaw("SCORECARD_PUBLISHED", card("cmp-demo-supplier", "asm-diamond", "DIAMOND", 2026, 95));
        feed.addRaw("SCORECARD_PUBLISHED", card("cmp-demo-supplier", "asm-too-high", "PLATINUM", 2026, 150));
        feed.addRaw("SCORECARD_WITHDRAWN", card("cmp-demo-supplier", "asm-other-type", "PLATINUM", 2026, 90));
        feed.addRaw("SCORECARD_PUBLISHED", card("cmp-not-in-directory", "asm-unknown-co", "GOLD", 2026, 75));
        awaitCaughtUp();

        Company supplier = companies.findById("cmp-demo-supplier").block();
        Company.Scorecard card = supplier.scorecard();
        assertThat(card.level()).isEqualTo("SILVER");
        assertThat(List.of(card.environmental(), card.social(), card.governance(), card.overall())).containsExactly(90, 77, 50, 72);
        assertThat(card.origin().assessmentId()).isEqualTo("asm-supplier2025");
        assertThat(card.origin().year()).isEqualTo(2025);
        assertThat(card.origin().overall()).isEqualByComparingTo("72.9");
        assertThat(supplier.indexPending() || supplier.indexedVersion() == supplier.version()).as("the index is told").isTrue();

        JsonNode profile = Responses.json(web.get().uri("/api/v1/directory/companies/cmp-demo-supplier").exchange().expectStatus().isOk());
        JsonNode shown = profile.path("scorecard");
        assertThat(shown.path("source").asString()).isEqualTo("ASSESSMENT");
        assertThat(shown.path("level").asString()).isEqualTo("SILVER");
        assertThat(shown.path("levelLabel").path("zhHant").asString()).isEqualTo("銀級");
        assertThat(shown.path("overall").asInt()).isEqualTo(72);
        assertThat(Instant.parse(shown.path("assessedAt").asString())).isEqualTo(SUBMITTED);
        assertThat(shown.path("origin").path("service").asString()).isEqualTo("assessment-service");
        assertThat(shown.path("origin").path("assessmentId").asString()).isEqualTo("asm-supplier2025");
        assertThat(shown.path("origin").path("year").asInt()).isEqualTo(2025);
        assertThat(shown.path("origin").path("social").decimalValue()).isEqualByComparingTo("77.6");
        assertThat(Instant.parse(shown.path("origin").path("receivedAt").asString())).isAfter(SUBMITTED);

        // replay from the start (cursor lost): same scorecard, no new version
        long version = supplier.version();
        mongo.remove(mongo.findById(AssessmentFeedConsumer.CURSOR_ID, ConsumerCursors.ConsumerCursor.class).block()).block();
        awaitCaughtUp();
        Company replayed = companies.findById("cmp-demo-supplier").block();
        assertThat(replayed.version()).isEqualTo(version);
        assertThat(replayed.scorecard()).isEqualTo(card);

        // the next year's assessment replaces it
        feed.add("cmp-demo-supplier", "asm-supplier2026", 2026, "GOLD", SUBMITTED.plusSeconds(60), "75.0", "71.2", "69.8", "72.3");
        awaitCaughtUp();
        assertThat(companies.findById("cmp-demo-supplier").block().scorecard().origin().assessmentId()).isEqualTo("asm-supplier2026");
    }

    @Test
    void aReScoredScorecardReplacesTheShownOneAndAReplayedEarlierRevisionIsSkipped() {
        // revision 1 as events carried it before re-scoring existed: no scoreRevision field
        feed.add("cmp-demo-partner", "asm-partner2025", 2025, "SILVER", SUBMITTED, "75.0", "80.0", "51.7", "70.1");
        awaitCaughtUp();
        assertThat(companies.findById("cmp-demo-partner").block().scorecard().level()).isEqualTo("SILVER");

        // an admin accepted evidence: the same assessment re-scored, revision 2
        feed.addRaw("SCORECARD_PUBLISHED", revision("asm-partner2025", "GOLD", "55.0", "70.7", 2));
        awaitCaughtUp();
        Company rescored = companies.findById("cmp-demo-partner").block();
        assertThat(rescored.scorecard().level()).isEqualTo("GOLD");
        assertThat(rescored.scorecard().governance()).isEqualTo(55);
        assertThat(rescored.scorecard().overall()).isEqualTo(70);
        assertThat(rescored.scorecard().origin().overall()).isEqualByComparingTo("70.7");
        assertThat(rescored.scorecard().origin().scoreRevision()).isEqualTo(2);

        // revision 1 replayed (with and without the field) and revision 2 again: nothing changes
        feed.add("cmp-demo-partner", "asm-partner2025", 2025, "SILVER", SUBMITTED, "75.0", "80.0", "51.7", "70.1");
        feed.addRaw("SCORECARD_PUBLISHED", revision("asm-partner2025", "SILVER", "51.7", "70.1", 1));
        feed.addRaw("SCORECARD_PUBLISHED", revision("asm-partner2025", "GOLD", "55.0", "70.7", 2));
        // a revision 0 is no revision: skipped as malformed
        feed.addRaw("SCORECARD_PUBLISHED", revision("asm-partner2025", "BRONZE", "10.0", "10.0", 0));
        awaitCaughtUp();
        Company after = companies.findById("cmp-demo-partner").block();
        assertThat(after.version()).isEqualTo(rescored.version());
        assertThat(after.scorecard()).isEqualTo(rescored.scorecard());
    }

    private static Map<String, Object> revision(String assessmentId, String level, String governance, String overall, int revision) {
        Map<String, Object> card = new java.util.LinkedHashMap<>();
        card.put("companyId", "cmp-demo-partner");
        card.put("assessmentId", assessmentId);
        card.put("year", 2025);
        card.put("questionnaireKey", "hk-sme");
        card.put("questionnaireVersion", 1);
        card.put("environmental", new java.math.BigDecimal("75.0"));
        card.put("social", new java.math.BigDecimal("80.0"));
        card.put("governance", new java.math.BigDecimal(governance));
        card.put("overall", new java.math.BigDecimal(overall));
        card.put("level", level);
        card.put("submittedAt", SUBMITTED.toString());
        card.put("scoreRevision", revision);
        return card;
    }

    @Test
    void theAdminCannotOverwriteAScorecardThatComesFromAnAssessment() {
        feed.add("cmp-demo-supplier-2", "asm-supplier2x2025", 2025, "BRONZE", SUBMITTED, "40.0", "45.5", "38.0", "41.4");
        awaitCaughtUp();
        Company before = companies.findById("cmp-demo-supplier-2").block();
        assertThat(before.scorecard().fromAssessment()).isTrue();

        JsonNode problem = Responses.problem(web.put().uri("/api/v1/directory/admin/companies/cmp-demo-supplier-2/scorecard")
                .headers(h -> h.setBearerAuth(tokens.admin())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("environmental", 95, "social", 95, "governance", 95, "level", "PLATINUM"))
                .exchange().expectStatus().isEqualTo(409), "scorecard-owned-by-assessment");
        assertThat(problem.path("detail").asString()).contains("assessment-service").contains("asm-supplier2x2025");
        assertThat(problem.path("owner").asString()).isEqualTo("assessment-service");

        Company after = companies.findById("cmp-demo-supplier-2").block();
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.scorecard()).isEqualTo(before.scorecard());
    }

    @Test
    void anUnreachableAssessmentServiceIsRetriedAndCaughtUpWithoutFailingTheDirectory() {
        feed.failing = true;
        try {
            feed.add("cmp-demo-partner-2", "asm-partner2x2025", 2025, "GOLD", SUBMITTED, "71.0", "72.0", "73.0", "72.0");
            int before = feed.requests.get();
            Await.until("the consumer retried", Duration.ofSeconds(20), () -> feed.requests.get() >= before + 2);
            web.get().uri("/api/v1/directory/companies/cmp-demo-partner-2").exchange().expectStatus().isOk();
            Company.Scorecard meanwhile = companies.findById("cmp-demo-partner-2").block().scorecard();
            assertThat(meanwhile == null || !meanwhile.fromAssessment()).isTrue();
        } finally {
            feed.failing = false;
        }
        Await.until("caught up after the outage", Duration.ofSeconds(20), () -> {
            Company.Scorecard card = companies.findById("cmp-demo-partner-2").block().scorecard();
            return card != null && card.fromAssessment() && card.origin().assessmentId().equals("asm-partner2x2025");
        });
    }

    @Test
    void searchShowsTheCompanyUnderTheAssessmentsLevel() {
        // the demo company's directory-entered scorecard is GOLD (77); its assessment says PLATINUM
        assertThat(companies.findById("cmp-demo-energy-solutions").block().scorecard().level()).isEqualTo("GOLD");
        feed.add("cmp-demo-energy-solutions", "asm-energy2025", 2025, "PLATINUM", SUBMITTED, "91.5", "86.0", "88.4", "88.9");
        awaitCaughtUp();
        Await.until("the index has caught up", Duration.ofSeconds(60), () -> {
            Company c = companies.findById("cmp-demo-energy-solutions").block();
            return !c.indexPending() && c.indexedVersion() == c.version();
        });
        indexes.refresh(indexes.alias()).block();

        JsonNode platinum = Responses.json(web.get().uri("/api/v1/directory/search?level=PLATINUM&limit=100").exchange().expectStatus().isOk());
        List<String> ids = new ArrayList<>();
        platinum.path("items").forEach(i -> ids.add(i.path("id").asString()));
        assertThat(ids).contains("cmp-demo-energy-solutions");
        platinum.path("items").forEach(i -> {
            if (i.path("id").asString().equals("cmp-demo-energy-solutions")) {
                assertThat(i.path("scorecard").path("level").asString()).isEqualTo("PLATINUM");
                assertThat(i.path("scorecard").path("overall").asInt()).isEqualTo(88);
            }
        });
        JsonNode gold = Responses.json(web.get().uri("/api/v1/directory/search?level=GOLD&limit=100").exchange().expectStatus().isOk());
        gold.path("items").forEach(i -> assertThat(i.path("id").asString()).isNotEqualTo("cmp-demo-energy-solutions"));
        JsonNode all = Responses.json(web.get().uri("/api/v1/directory/search?q=" + "Energy&limit=100").exchange().expectStatus().isOk());
        List<String> levels = new ArrayList<>();
        all.path("facets").path("level").forEach(f -> levels.add(f.path("code").asString()));
        assertThat(levels).contains("PLATINUM");
    }

    private static Map<String, Object> card(String companyId, String assessmentId, String level, int year, int overall) {
        Map<String, Object> card = new java.util.LinkedHashMap<>();
        card.put("companyId", companyId);
        card.put("assessmentId", assessmentId);
        card.put("year", year);
        card.put("questionnaireKey", "hk-sme");
        card.put("questionnaireVersion", 1);
        for (String score : List.of("environmental", "social", "governance", "overall")) {
            card.put(score, overall);
        }
        card.put("level", level);
        card.put("submittedAt", SUBMITTED.toString());
        return card;
    }

    private void awaitCaughtUp() {
        String last = feed.lastCursor();
        Await.until("the consumer reached " + last, Duration.ofSeconds(30), () -> last.equals(
                mongo.findById(AssessmentFeedConsumer.CURSOR_ID, ConsumerCursors.ConsumerCursor.class)
                        .map(ConsumerCursors.ConsumerCursor::cursor).defaultIfEmpty("").block()));
    }
}
