package hk.esgone.assessment.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import hk.esgone.assessment.answering.Assessment;
import hk.esgone.assessment.answering.AssessmentStatus;
import hk.esgone.assessment.answering.store.AssessmentStore;
import hk.esgone.assessment.support.AssessmentServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The scorecard feed at {@code /internal/events}: order, paging, bad parameters, and the gap rule. */
class EventFeedIntegrationTests extends AssessmentServiceIntegrationTest {

    private static final int THIS_YEAR = Year.now(ZoneOffset.UTC).getValue();
    private static final String SCORECARD = """
            {"year":2025,"score":{"overall":61.5,"level":"SILVER","pillars":[{"pillar":"E","score":60.0},
            {"pillar":"S","score":70.2},{"pillar":"G","score":52.9}]}}""";

    @Autowired
    AssessmentStore store;

    @Autowired
    ScorecardFeed feed;

    @Test
    void submittedAssessmentsAppearInSubmissionOrderWithTheScoresAndLevelOfTheirScorecard() {
        String end = endOfFeed();
        String first = company("feed-first");
        String second = company("feed-second");
        String firstId = submitted(first, THIS_YEAR - 1);
        String secondId = submitted(second, THIS_YEAR - 2);
        start(company("feed-draft"), THIS_YEAR - 1); // a draft is not on the feed

        JsonNode page = feedPage("?after=" + end);
        List<JsonNode> events = new ArrayList<>();
        page.path("events").forEach(events::add);
        assertThat(events).extracting(e -> e.path("scorecard").path("assessmentId").asString()).containsExactly(firstId, secondId);
        assertThat(page.path("nextCursor").asString()).isEqualTo(events.get(1).path("cursor").asString());
        assertThat(events.get(0).path("cursor").asString()).isLessThan(events.get(1).path("cursor").asString());

        JsonNode event = events.get(0);
        assertThat(event.path("type").asString()).isEqualTo("SCORECARD_PUBLISHED");
        assertThat(event.path("id").asString()).isEqualTo("evt-" + firstId);
        JsonNode card = event.path("scorecard");
        assertThat(card.path("companyId").asString()).isEqualTo(first);
        assertThat(card.path("year").asInt()).isEqualTo(THIS_YEAR - 1);
        assertThat(card.path("questionnaireKey").asString()).isEqualTo("hk-sme");
        assertThat(card.path("questionnaireVersion").asInt()).isEqualTo(1);
        JsonNode stored = get(sme(first), "/api/v1/assessments/" + firstId + "/scorecard").path("scorecard").path("score");
        assertThat(card.path("level").asString()).isEqualTo(stored.path("level").asString());
        assertThat(card.path("overall").decimalValue()).isEqualByComparingTo(stored.path("overall").decimalValue());
        String[] fields = {"environmental", "social", "governance"};
        for (int i = 0; i < 3; i++) {
            assertThat(card.path(fields[i]).decimalValue()).isEqualByComparingTo(stored.path("pillars").get(i).path("score").decimalValue());
        }
        JsonNode assessment = get(sme(first), "/api/v1/assessments/" + firstId);
        assertThat(Instant.parse(card.path("submittedAt").asString()))
                .isEqualTo(Instant.parse(assessment.path("submittedAt").asString()));
    }

    @Test
    void pagesWithAfterAndLimitAndAnswersTheGivenCursorWhenNothingIsNew() {
        String end = endOfFeed();
        List<String> ids = List.of(submitted(company("page-a"), THIS_YEAR - 1), submitted(company("page-b"), THIS_YEAR - 1),
                submitted(company("page-c"), THIS_YEAR - 1));

        List<String> seen = new ArrayList<>();
        String cursor = end;
        for (int i = 0; i < 3; i++) {
            JsonNode page = feedPage("?limit=1&after=" + cursor);
            assertThat(page.path("events")).hasSize(1);
            seen.add(page.path("events").get(0).path("scorecard").path("assessmentId").asString());
            cursor = page.path("nextCursor").asString();
        }
        assertThat(seen).isEqualTo(ids);
        JsonNode caughtUp = feedPage("?limit=1&after=" + cursor);
        assertThat(caughtUp.path("events")).isEmpty();
        assertThat(caughtUp.path("nextCursor").asString()).isEqualTo(cursor);
        // without after, the feed starts from its beginning
        assertThat(feedPage("?limit=1").path("events").get(0).path("cursor").asString()).isLessThan(cursor);
    }

    @Test
    void aBadCursorOrLimitIsA400ProblemAndTheFeedNeedsNoToken() {
        for (String query : List.of("?after=abc", "?after=-1", "?after=0000000000000000000001", "?after=%E2%80%AE1", "?after=1.5")) {
            problem(web.get().uri("/internal/events" + query).exchange(), 400, "invalid-cursor");
        }
        for (String query : List.of("?limit=0", "?limit=501", "?limit=ten", "?limit=-1", "?limit=1e2")) {
            problem(web.get().uri("/internal/events" + query).exchange(), 400, "validation");
        }
        web.get().uri("/internal/events?limit=500").exchange().expectStatus().isOk();
    }

    @Test
    void neverHandsOutAnEventAfterAHoleThatMayStillBeFilledAndStepsOverOneThatNeverWill() {
        long hole = store.nextFeedSeq().block(); // a submission that took this position and has not written yet
        long next = store.nextFeedSeq().block();
        Instant now = Instant.now();
        String later = stored("gap-later", next, now);

        ScorecardFeed.Slice waiting = feed.read(hole - 1, 100).block();
        assertThat(waiting.events()).isEmpty();
        assertThat(waiting.next()).isEqualTo(hole - 1);

        String earlier = stored("gap-earlier", hole, now); // the slow writer commits after all
        assertThat(feed.read(hole - 1, 100).block().events()).extracting(e -> e.scorecard().assessmentId())
                .containsExactly(earlier, later);

        long lost = store.nextFeedSeq().block(); // this one's writer lost its conditional update: never filled
        long after = store.nextFeedSeq().block();
        String old = stored("gap-old", after, now.minus(ScorecardFeed.GAP_GRACE).minusSeconds(1));
        assertThat(feed.read(lost - 1, 100).block().events()).extracting(e -> e.scorecard().assessmentId()).containsExactly(old);
    }

    @Test
    void anEarlierSubmissionIsNumberedOnceAndDoesNotLetTheFeedSkipAFreshHole() {
        long hole = store.nextFeedSeq().block(); // a submission being written right now
        // submitted before the feed existed: no position yet
        String id = "asm-early" + System.nanoTime();
        Instant then = Instant.now().minusSeconds(3600);
        store.insert(new Assessment(id, company("early"), 2024, "C", "SMALL", "hk-sme", 1, AssessmentStatus.SUBMITTED, Map.of(), 0,
                then, "user", then, then, "user", SCORECARD)).block();

        assertThat(feed.numberEarlierSubmissions().block()).isGreaterThanOrEqualTo(1);
        assertThat(feed.numberEarlierSubmissions().block()).isZero();
        // numbered now, although submitted an hour ago: the hole before it is fresh, so the reader waits
        assertThat(feed.read(hole - 1, 500).block().events()).isEmpty();

        String filled = stored("early-fill", hole, Instant.now());
        List<ScorecardEvent> events = feed.read(hole - 1, 500).block().events();
        assertThat(events).extracting(e -> e.scorecard().assessmentId()).startsWith(filled, id);
        ScorecardEvent early = events.get(1);
        assertThat(early.occurredAt()).isEqualTo(then.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(early.scorecard().overall()).isEqualByComparingTo("61.5");
        assertThat(early.scorecard().social()).isEqualByComparingTo("70.2");
        assertThat(early.scorecard().level()).isEqualTo("SILVER");
    }

    /** A submitted assessment written straight through the store (as a submission's one update does). */
    private String stored(String name, long seq, Instant submittedAt) {
        String id = "asm-" + name + System.nanoTime();
        store.insert(new Assessment(id, company(name), 2025, "C", "SMALL", "hk-sme", 1, AssessmentStatus.DRAFT, Map.of(), 0,
                submittedAt, "user", submittedAt, null, null, null)).block();
        assertThat(store.submit(id, 0, SCORECARD, java.util.Map.of(), submittedAt, "user", seq).block()).isTrue();
        return id;
    }

    private String submitted(String companyId, int year) {
        String id = start(companyId, year).path("id").asString();
        answerAll(companyId, id);
        web.post().uri("/api/v1/assessments/" + id + "/submit").headers(h -> h.setBearerAuth(sme(companyId))).exchange()
                .expectStatus().isOk();
        return id;
    }

    /** The cursor of the feed's last event now (walking it from the start). */
    private String endOfFeed() {
        String cursor = "";
        while (true) {
            JsonNode page = feedPage("?limit=500" + (cursor.isEmpty() ? "" : "&after=" + cursor));
            cursor = page.path("nextCursor").asString();
            if (page.path("events").size() < 500) {
                return cursor;
            }
        }
    }

    private JsonNode feedPage(String query) {
        return JSON.readTree(web.get().uri("/internal/events" + query).exchange().expectStatus().isOk().expectBody()
                .returnResult().getResponseBody());
    }
}
