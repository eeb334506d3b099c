package hk.esgone.assessment.answering.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import hk.esgone.assessment.answering.Assessment;
import hk.esgone.assessment.answering.AssessmentStatus;
import hk.esgone.assessment.answering.StoredAnswer;
import hk.esgone.testsupport.mongo.TestMongo;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The conditional single-document updates autosave and submission rely on, against the real reactive driver: an
 * answer is stored only from the revision it was based on, only while the assessment is a draft, and saving one
 * answer never touches another.
 */
class AssessmentStoreMongoTests {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private MongoClient client;
    private ReactiveMongoTemplate mongo;
    private AssessmentStore store;

    @BeforeEach
    void connect() {
        client = MongoClients.create(TestMongo.uri());
        mongo = new ReactiveMongoTemplate(new SimpleReactiveMongoDatabaseFactory(client, "assessment-store-" + System.nanoTime()));
        store = new AssessmentStore(mongo);
        store.createIndexes().block();
    }

    @AfterEach
    void close() {
        mongo.getMongoDatabase().flatMap(db -> Mono.from(db.drop())).block();
        client.close();
    }

    private Assessment draft(String id, String companyId, int year) {
        return store.insert(new Assessment(id, companyId, year, "C", "SMALL", "hk-sme", 1, AssessmentStatus.DRAFT, Map.of(), 0,
                NOW, "user", NOW, null, null, null)).block();
    }

    private static StoredAnswer answer(String questionId, String valueJson, long revision) {
        return new StoredAnswer(questionId, valueJson, null, false, null, null, revision, false, NOW, "user");
    }

    @Test
    void anAnswerIsStoredOnlyFromTheRevisionItWasBasedOn() {
        draft("asm-store-rev", "cmp-a", 2025);

        assertThat(store.saveAnswer("asm-store-rev", answer("E02", "1200", 1), 0, NOW).block()).isTrue();
        assertThat(store.saveAnswer("asm-store-rev", answer("E02", "999", 1), 0, NOW).block()).as("same base, second tab").isFalse();
        assertThat(store.saveAnswer("asm-store-rev", answer("E02", "1300", 2), 1, NOW).block()).isTrue();
        assertThat(store.saveAnswer("asm-store-rev", answer("E02", "1", 2), 1, NOW).block()).as("stale base").isFalse();

        Assessment stored = store.find("asm-store-rev").block();
        assertThat(stored.answers().get("E02").valueJson()).isEqualTo("1300");
        assertThat(stored.answers().get("E02").revision()).isEqualTo(2);
        assertThat(stored.answersVersion()).isEqualTo(2);
    }

    @Test
    void aClearedAnswerKeepsItsRevisionSoAnOlderTabCannotBringItBack() {
        draft("asm-store-clear", "cmp-a", 2025);
        store.saveAnswer("asm-store-clear", answer("E01", "true", 1), 0, NOW).block();
        StoredAnswer cleared = new StoredAnswer("E01", null, null, false, null, null, 2, true, NOW, "user");
        assertThat(store.saveAnswer("asm-store-clear", cleared, 1, NOW).block()).isTrue();

        assertThat(store.saveAnswer("asm-store-clear", answer("E01", "false", 1), 0, NOW).block()).as("a tab that never saw it").isFalse();
        assertThat(store.find("asm-store-clear").block().answers().get("E01").answered()).isFalse();
    }

    @Test
    void savesOfDifferentAnswersAtTheSameTimeAreAllKept() {
        draft("asm-store-parallel", "cmp-a", 2025);
        List<String> questions = IntStream.range(0, 32).mapToObj(i -> "Q" + i).toList();

        List<Boolean> results = Flux.fromIterable(questions)
                .parallel(8).runOn(Schedulers.parallel())
                .flatMap(q -> store.saveAnswer("asm-store-parallel", answer(q, "\"" + q + "\"", 1), 0, NOW))
                .sequential().collectList().block();

        assertThat(results).hasSize(32).containsOnly(true);
        Assessment stored = store.find("asm-store-parallel").block();
        assertThat(stored.answers()).hasSize(32);
        questions.forEach(q -> assertThat(stored.answers().get(q).valueJson()).isEqualTo("\"" + q + "\""));
        assertThat(stored.answersVersion()).isEqualTo(32);
    }

    @Test
    void aSubmittedAssessmentTakesNoAnswerAndIsSubmittedOnlyFromTheAnswersThatWereRead() {
        draft("asm-store-submit", "cmp-a", 2025);
        store.saveAnswer("asm-store-submit", answer("E01", "true", 1), 0, NOW).block();

        assertThat(store.submit("asm-store-submit", 0, "{}", java.util.Map.of(), NOW, "user", 1).block()).as("answers moved on").isFalse();
        assertThat(store.submit("asm-store-submit", 1, "{\"overall\":50}", java.util.Map.of(), NOW, "user", 2).block()).isTrue();
        assertThat(store.submit("asm-store-submit", 1, "{\"overall\":99}", java.util.Map.of(), NOW, "user", 3).block()).as("already submitted").isFalse();
        assertThat(store.saveAnswer("asm-store-submit", answer("E01", "false", 2), 1, NOW).block()).isFalse();
        assertThat(store.saveAnswer("asm-store-submit", answer("E02", "5", 1), 0, NOW).block()).isFalse();

        Assessment stored = store.find("asm-store-submit").block();
        assertThat(stored.status()).isEqualTo(AssessmentStatus.SUBMITTED);
        assertThat(stored.scorecardJson()).isEqualTo("{\"overall\":50}");
        assertThat(stored.answers()).containsOnlyKeys("E01");
        assertThat(stored.answers().get("E01").valueJson()).isEqualTo("true");
    }

    @Test
    void oneAssessmentPerCompanyAndYear() {
        draft("asm-store-one", "cmp-a", 2025);
        draft("asm-store-other-year", "cmp-a", 2024);
        draft("asm-store-other-company", "cmp-b", 2025);

        assertThatThrownBy(() -> draft("asm-store-two", "cmp-a", 2025)).isInstanceOf(DuplicateKeyException.class);
        assertThat(store.findByCompanyAndYear("cmp-a", 2025).block().id()).isEqualTo("asm-store-one");
        assertThat(store.findByCompany("cmp-a").map(Assessment::id).collectList().block())
                .containsExactly("asm-store-one", "asm-store-other-year");
    }

    @Test
    void aQuestionIdThatIsAFieldPathOrOperatorIsRefusedBeforeMongoSeesIt() {
        draft("asm-store-path", "cmp-a", 2025);
        for (String id : List.of("E01.revision", "$where", "", "a b")) {
            assertThatThrownBy(() -> store.saveAnswer("asm-store-path", answer(id, "1", 1), 0, NOW).block())
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(store.find("asm-store-path").block().answersVersion()).isZero();
    }
}
