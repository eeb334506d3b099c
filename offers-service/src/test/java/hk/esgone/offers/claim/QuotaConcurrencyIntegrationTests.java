package hk.esgone.offers.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import com.mongodb.client.model.Filters;

import hk.esgone.offers.support.OffersIntegrationTest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The quota and the per-company limit under real concurrency, through HTTP, several rounds: no offer
 * ever gives more places than its quota, no company more than its limit, and the books balance.
 * Nothing here depends on timing: the assertions are about counts, at rest and while requests run.
 */
class QuotaConcurrencyIntegrationTests extends OffersIntegrationTest {

    private static final int QUOTA = 50;
    private static final int COMPANIES = 100;
    private static final int REQUESTS = 500;
    private static final int ROUNDS = 10;

    @Test
    void fiveHundredConcurrentClaimsFromAHundredCompaniesGetExactlyFiftyPlacesRoundAfterRound() {
        WebClient client = loadClient();
        Random random = new Random(42);
        for (int round = 1; round <= ROUNDS; round++) {
            String offerId = publishedOffer(partnerA(), Map.of("quota", QUOTA, "perCompanyLimit", 1));
            List<String> companies = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                companies.add("cmp-load-%03d".formatted(i % COMPANIES));
            }
            Collections.shuffle(companies, random);

            // while the claims run, read the books again and again: claims first, then remaining (see below)
            AtomicBoolean done = new AtomicBoolean();
            ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
            AtomicInteger reads = new AtomicInteger();
            var watcher = Mono.fromRunnable(() -> {
                while (!done.get()) {
                    // ACTIVE claims are counted before remaining is read: places are taken before claims become
                    // ACTIVE and nothing is given back in this round, so remaining(t2) + active(t1) <= quota always
                    long active = activeClaims(offerId);
                    int remaining = remaining(offerId);
                    reads.incrementAndGet();
                    if (remaining < 0 || remaining + active > QUOTA) {
                        violations.add("remaining=" + remaining + " active=" + active);
                    }
                }
            }).subscribeOn(Schedulers.boundedElastic()).toFuture();

            List<Answer> answers = Flux.fromIterable(companies)
                    .flatMap(company -> postClaim(client, sme(company), offerId, newKey(), null), REQUESTS)
                    .collectList().block(Duration.ofMinutes(5));
            done.set(true);
            watcher.join();

            assertThat(answers).hasSize(REQUESTS);
            List<Map<String, Object>> granted = answers.stream().filter(a -> a.status() == 201).map(a -> parse(a.body())).toList();
            assertThat(granted).as("round %d: claims granted", round).hasSize(QUOTA);
            assertThat(answers.stream().filter(a -> a.status() != 201))
                    .allSatisfy(a -> {
                        assertThat(a.status()).isEqualTo(409);
                        assertThat(parse(a.body()).get("type")).isIn(type("quota-exhausted"), type("company-limit-reached"));
                    });
            Set<Object> codes = new HashSet<>();
            Set<Object> winners = new HashSet<>();
            granted.forEach(c -> {
                codes.add(c.get("code"));
                winners.add(c.get("id"));
            });
            assertThat(codes).as("codes are unique").hasSize(QUOTA).doesNotContainNull();
            assertThat(winners).hasSize(QUOTA);

            // at rest: the books balance, in the database and through the API
            List<Document> active = all("claims", Filters.and(Filters.eq("offerId", offerId), Filters.eq("status", "ACTIVE")));
            assertThat(active).hasSize(QUOTA);
            assertThat(active.stream().map(d -> d.getString("companyId")).distinct()).as("one place per company").hasSize(QUOTA);
            assertThat(active.stream().map(d -> d.getString("code")).distinct()).hasSize(QUOTA);
            assertThat(remaining(offerId)).isZero();
            assertThat(count("claims", Filters.and(Filters.eq("offerId", offerId), Filters.ne("status", "ACTIVE")))).as("no leftovers").isZero();
            assertThat((Map<?, ?>) offerDoc(offerId).get("pending")).as("no place marked in flight").isEmpty();
            for (Document counter : all("company_claims", Filters.eq("offerId", offerId))) {
                assertThat(counter.getInteger("count")).isBetween(0, 1);
            }
            assertThat(count("company_claims", Filters.and(Filters.eq("offerId", offerId), Filters.eq("count", 1)))).isEqualTo(QUOTA);
            assertAtRest(offerId, QUOTA);
            web.get().uri("/api/v1/offers/partner/offers/{id}/figures", offerId).headers(h -> h.setBearerAuth(partnerA()))
                    .exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.remaining").isEqualTo(0)
                    .jsonPath("$.claimed").isEqualTo(QUOTA)
                    .jsonPath("$.active").isEqualTo(QUOTA);
            assertThat(violations).as("books read while claiming").isEmpty();
            assertThat(reads.get()).isPositive();
            // and recovery, run now, finds nothing to repair
            assertThat(recovery.recover().block(Duration.ofSeconds(30)).quotasRepaired()).isZero();
            assertThat(remaining(offerId)).isZero();
        }
    }

    @Test
    void claimsAndCancellationsRacingStillBalanceTheBooks() {
        WebClient client = loadClient();
        String offerId = publishedOffer(partnerA(), Map.of("quota", QUOTA, "perCompanyLimit", 1));
        AtomicInteger cancelled = new AtomicInteger();
        List<String> companies = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            companies.add("cmp-race-%03d".formatted(i % 150));
        }
        Collections.shuffle(companies, new Random(7));
        List<Answer> answers = Flux.fromIterable(companies)
                .flatMap(company -> postClaim(client, sme(company), offerId, newKey(), null)
                        .flatMap(answer -> {
                            // every other winner gives its place back at once, while other claims still run
                            if (answer.status() == 201 && cancelled.get() < 40 && company.hashCode() % 2 == 0) {
                                String claimId = parse(answer.body()).get("id").toString();
                                return client.post().uri("/api/v1/offers/claims/{id}/cancel", claimId)
                                        .headers(h -> h.setBearerAuth(sme(company)))
                                        .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
                                        .doOnNext(s -> {
                                            if (s == 200) {
                                                cancelled.incrementAndGet();
                                            }
                                        })
                                        .thenReturn(answer);
                            }
                            return Mono.just(answer);
                        }), 300)
                .collectList().block(Duration.ofMinutes(5));

        long granted = answers.stream().filter(a -> a.status() == 201).count();
        long active = activeClaims(offerId);
        assertThat(active).isEqualTo(granted - cancelled.get());
        assertThat(active).isLessThanOrEqualTo(QUOTA);
        assertThat(remaining(offerId) + active).isEqualTo(QUOTA);
        assertThat(granted).isLessThanOrEqualTo(QUOTA + cancelled.get());
        assertAtRest(offerId, QUOTA);
        assertThat(count("claims", Filters.and(Filters.eq("offerId", offerId), Filters.eq("status", "CANCELLED")))).isEqualTo(cancelled.get());
    }

    @Test
    void aCompanyNeverGetsMoreThanItsLimitWhateverItsConcurrency() {
        WebClient client = loadClient();
        String offerId = publishedOffer(partnerA(), Map.of("quota", 1000, "perCompanyLimit", 2));
        List<String> companies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 6; j++) {
                companies.add("cmp-limit-%02d".formatted(i));
            }
        }
        Collections.shuffle(companies, new Random(3));
        List<Answer> answers = Flux.fromIterable(companies)
                .flatMap(company -> postClaim(client, sme(company), offerId, newKey(), null), 120)
                .collectList().block(Duration.ofMinutes(5));
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(40);
        assertThat(answers.stream().filter(a -> a.status() == 409).map(a -> parse(a.body()).get("type")))
                .hasSize(80).containsOnly(type("company-limit-reached"));
        for (int i = 0; i < 20; i++) {
            assertThat(count("claims", Filters.and(Filters.eq("offerId", offerId), Filters.eq("companyId", "cmp-limit-%02d".formatted(i)))))
                    .isEqualTo(2);
        }
        assertThat(remaining(offerId)).isEqualTo(960);
        assertAtRest(offerId, 1000);
    }
}
