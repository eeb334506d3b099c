package hk.esgone.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.testsupport.mongo.TestMongo;
import hk.esgone.testsupport.time.MutableClock;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The key store on its own, against the test MongoDB through the real reactive driver. */
class IdempotencyStoreMongoTests {

    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;
    private final MutableClock clock = new MutableClock();
    private IdempotencyStore store;
    private IdempotentExecutor executor;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestMongo.uri("idempotency-tests"));
        mongo = new ReactiveMongoTemplate(client, "idempotency-tests");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @BeforeEach
    void emptyStore() {
        mongo.dropCollection("keys").then(mongo.dropCollection("keys_responses")).block(Duration.ofSeconds(10));
        store = new IdempotencyStore(mongo, "keys", clock, Duration.ofHours(24), Duration.ofSeconds(30));
        executor = new IdempotentExecutor(store);
    }

    private static final StoredResponse CREATED = new StoredResponse(201, "application/json", "{\"id\":1}", Map.of("Location", "/x/1"));

    private IdempotencyStore.Started start(String key, String fingerprint) {
        return (IdempotencyStore.Started) store.begin("scope", key, fingerprint).block(Duration.ofSeconds(10));
    }

    @Test
    void theFirstRequestStartsAndAFinishedOneIsReplayed() {
        IdempotencyStore.Started started = start("key-0001", "fp");
        store.complete(started, CREATED).block();
        StepVerifier.create(store.begin("scope", "key-0001", "fp"))
                .assertNext(b -> assertThat(b).isEqualTo(new IdempotencyStore.Replay(CREATED)))
                .verifyComplete();
        // another scope's key is another key
        assertThat(store.begin("other", "key-0001", "fp").block()).isInstanceOf(IdempotencyStore.Started.class);
    }

    @Test
    void anotherRequestUnderTheSameKeyIsRefused() {
        start("key-0001", "fp-a");
        StepVerifier.create(store.begin("scope", "key-0001", "fp-b"))
                .expectErrorSatisfies(e -> assertThat(((ApiProblem) e).kind()).isEqualTo("idempotency-key-reused"))
                .verify();
    }

    @Test
    void aRunningRequestHoldsItsKeyUntilItsLeaseRunsOutThenItIsTakenOverWithTheSameRequestId() {
        IdempotencyStore.Started first = start("key-0001", "fp");
        StepVerifier.create(store.begin("scope", "key-0001", "fp"))
                .expectErrorSatisfies(e -> {
                    assertThat(((ApiProblem) e).kind()).isEqualTo("idempotency-key-in-use");
                    assertThat(((ApiProblem) e).getHeaders().getFirst("Retry-After")).isEqualTo("1");
                })
                .verify();
        clock.advance(Duration.ofSeconds(31));
        IdempotencyStore.Started second = start("key-0001", "fp");
        assertThat(second.attempt().requestId()).isEqualTo(first.attempt().requestId());
        assertThat(first.attempt().firstAttempt()).isTrue();
        assertThat(second.attempt().firstAttempt()).isFalse();
        assertThat(second.owner()).isNotEqualTo(first.owner());
        // the first response stored is the one every replay gets, whichever attempt stores it
        assertThat(store.complete(second, CREATED).block()).isEqualTo(CREATED);
        StoredResponse late = new StoredResponse(409, "application/problem+json", "{}", Map.of());
        assertThat(store.complete(first, late).block()).isEqualTo(CREATED);
        assertThat(store.begin("scope", "key-0001", "fp").block()).isEqualTo(new IdempotencyStore.Replay(CREATED));
    }

    @Test
    void aReleasedKeyRunsAgainWithTheSameRequestIdButOnlyForTheSameRequest() {
        IdempotencyStore.Started first = start("key-0001", "fp");
        store.release(first).block();
        StepVerifier.create(store.begin("scope", "key-0001", "other"))
                .expectErrorSatisfies(e -> assertThat(((ApiProblem) e).kind()).isEqualTo("idempotency-key-reused"))
                .verify();
        IdempotencyStore.Started again = start("key-0001", "fp");
        assertThat(again.attempt()).isEqualTo(new Attempt(first.attempt().requestId(), false));
    }

    @Test
    void afterTheRetentionTheKeyIsFreeForANewRequestWithANewRequestId() {
        IdempotencyStore.Started first = start("key-0001", "fp");
        store.complete(first, CREATED).block();
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        IdempotencyStore.Started fresh = start("key-0001", "another request");
        assertThat(fresh.attempt().requestId()).isNotEqualTo(first.attempt().requestId());
        assertThat(fresh.attempt().firstAttempt()).isTrue();
        // the first request's response has expired; the new key has not
        assertThat(store.purgeExpired().block()).isEqualTo(1);
        clock.advance(Duration.ofHours(25));
        assertThat(store.purgeExpired().block()).isEqualTo(1);
    }

    @Test
    void theExecutorStoresFinalAnswersAndReleasesFailures() {
        AtomicInteger runs = new AtomicInteger();
        StoredResponse refused = new StoredResponse(409, "application/problem+json", "{\"status\":409}", Map.of());
        executor.execute("scope", "key-0002", "fp", id -> {
            runs.incrementAndGet();
            return Mono.error(ApiProblem.conflict("quota-exhausted", "none left"));
        }, problem -> refused).block();
        IdempotentExecutor.Outcome replay = executor.execute("scope", "key-0002", "fp", id -> {
            runs.incrementAndGet();
            return Mono.just(CREATED);
        }, problem -> refused).block();
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.response()).isEqualTo(refused);
        assertThat(runs.get()).isEqualTo(1);

        assertThatThrownBy(() -> executor.execute("scope", "key-0003", "fp", id -> Mono.error(new IllegalStateException("db down")),
                problem -> refused).block()).hasMessageContaining("db down");
        IdempotentExecutor.Outcome retried = executor.execute("scope", "key-0003", "fp", id -> Mono.just(CREATED), problem -> refused).block();
        assertThat(retried.replayed()).isFalse();
        assertThat(retried.response()).isEqualTo(CREATED);
    }

    @Test
    void manyConcurrentBeginsStartExactlyOne() {
        long started = Flux.range(0, 50)
                .flatMap(i -> store.begin("scope", "key-0004", "fp").onErrorResume(ApiProblem.class, e -> Mono.empty()), 50)
                .filter(b -> b instanceof IdempotencyStore.Started)
                .count().block(Duration.ofSeconds(30));
        assertThat(started).isEqualTo(1);
    }
}
