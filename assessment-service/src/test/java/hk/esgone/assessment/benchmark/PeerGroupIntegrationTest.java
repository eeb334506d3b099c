package hk.esgone.assessment.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import hk.esgone.assessment.answering.Assessment;
import hk.esgone.assessment.answering.AssessmentStatus;
import hk.esgone.assessment.answering.StoredAnswer;
import hk.esgone.assessment.answering.store.AssessmentStore;
import hk.esgone.assessment.plan.FakePartners;
import hk.esgone.assessment.support.AssessmentServiceIntegrationTest;
import hk.esgone.testsupport.mongo.TestMongo;

/**
 * The whole service against its own database (peer groups span the whole collection, so other tests' submissions
 * must not join them) and a fake directory and offers service. Peers are stored through the answering store's own
 * insert and submit, with the figures the service stores at submission; each test uses its own reporting year, so
 * its peer groups are its own.
 */
public abstract class PeerGroupIntegrationTest extends AssessmentServiceIntegrationTest {

    protected static final FakePartners PARTNERS;
    static {
        try {
            PARTNERS = new FakePartners();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void peerProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("assessment-peers"));
        registry.add("spring.mongodb.database", () -> "assessment-peers");
        registry.add("esg.assessment.lookups.directory-url", () -> PARTNERS.uri().toString());
        registry.add("esg.assessment.lookups.offers-url", () -> PARTNERS.uri().toString());
        registry.add("esg.assessment.lookups.timeout", () -> "500ms");
    }

    @Autowired
    protected AssessmentStore store;

    /** A peer's figures; intensity null when its footprint has none per employee. */
    protected record Peer(String overall, String e, String s, String g, String intensity) {
    }

    /** Stored answer values by question id: a JSON text, or NA for not applicable. */
    protected static final String NA = "N/A";

    /** A submitted assessment of a new company, with a scorecard carrying these figures, and its answers. */
    protected String submitted(int year, String industry, String sizeBand, Peer peer, Map<String, String> answers) {
        return submitted(company("peer"), year, industry, sizeBand, peer, answers, null);
    }

    protected String submitted(String companyId, int year, String industry, String sizeBand, Peer peer, Map<String, String> answers,
            String topicsAndQuestions) {
        String id = "asm-t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Instant now = Instant.now();
        Map<String, StoredAnswer> stored = new LinkedHashMap<>();
        answers.forEach((questionId, value) -> stored.put(questionId, new StoredAnswer(questionId, NA.equals(value) ? null : value,
                null, NA.equals(value), NA.equals(value) ? "does not apply" : null, null, 1, false, now, "test")));
        store.insert(new Assessment(id, companyId, year, industry, sizeBand, "hk-sme", 1, AssessmentStatus.DRAFT, stored, 1, now,
                "test", now, null, null, null)).block(Duration.ofSeconds(10));
        String scorecard = """
                {"year":%d,"score":{"questionnaireKey":"hk-sme","questionnaireVersion":1,"overall":%s,"level":"BRONZE",
                 "pillars":[{"pillar":"E","score":%s},{"pillar":"S","score":%s},{"pillar":"G","score":%s}]%s},
                 "carbon":{"tonnesPerEmployee":%s}}""".formatted(year, peer.overall(), peer.e(), peer.s(), peer.g(),
                topicsAndQuestions == null ? ",\"topics\":[],\"questions\":[]" : "," + topicsAndQuestions, peer.intensity());
        Map<String, Object> fields = PeerFigures.fromScorecard(JSON.readTree(scorecard)).fields("hk-sme", year, industry, sizeBand);
        if (!Boolean.TRUE.equals(store.submit(id, 1, scorecard, fields, now, "test", store.nextFeedSeq().block(Duration.ofSeconds(10))).block(Duration.ofSeconds(10)))) {
            throw new IllegalStateException("not submitted");
        }
        return id;
    }

    /** A draft in the group: never counted. */
    protected String draft(String companyId, int year, String industry, String sizeBand) {
        String id = "asm-d" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Instant now = Instant.now();
        store.insert(new Assessment(id, companyId, year, industry, sizeBand, "hk-sme", 1, AssessmentStatus.DRAFT, Map.of(), 0, now,
                "test", now, null, null, null)).block(Duration.ofSeconds(10));
        return id;
    }

    /** A path sent as written (no second encoding of its escapes). */
    protected java.net.URI raw(String path) {
        return java.net.URI.create("http://127.0.0.1:" + port + path);
    }

    protected static Peer peer(String overall, String e, String s, String g, String intensity) {
        return new Peer(overall, e, s, g, intensity);
    }

    protected static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }

    protected static List<String> times(int n, String value) {
        return java.util.Collections.nCopies(n, value);
    }

    /** The benchmark answer of an assessment, read through the API. */
    protected tools.jackson.databind.JsonNode benchmark(String token, String id) {
        return get(token, "/api/v1/assessments/" + id + "/benchmark");
    }

    /** One peer group of a benchmark answer. */
    protected static tools.jackson.databind.JsonNode group(tools.jackson.databind.JsonNode benchmark, String scope) {
        for (tools.jackson.databind.JsonNode group : benchmark.path("groups")) {
            if (group.path("scope").asText().equals(scope)) {
                return group;
            }
        }
        throw new AssertionError("no group " + scope + " in " + benchmark);
    }
}
