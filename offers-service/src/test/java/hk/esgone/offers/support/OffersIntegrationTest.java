package hk.esgone.offers.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import com.mongodb.client.model.Filters;

import hk.esgone.offers.claim.ClaimRecovery;
import hk.esgone.offers.sweep.LifecycleSweep;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.testsupport.jwt.TestTokenIssuer;
import hk.esgone.testsupport.mongo.TestMongo;
import hk.esgone.testsupport.time.MutableClock;
import hk.esgone.testsupport.web.TestWebClients;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on a random loopback port, against the shared test MongoDB (real reactive driver),
 * a fake Keycloak ({@link TestTokenIssuer}) and fake badge/directory services ({@link FakeUpstreams}).
 * All integration test classes extend this unchanged, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OffersTestBeans.class)
public abstract class OffersIntegrationTest {

    public static final String PARTNER_A = "cmp-demo-partner";
    public static final String PARTNER_B = "cmp-demo-partner-2";
    public static final String SME_A = "cmp-demo-supplier";
    public static final String SME_B = "cmp-demo-supplier-2";
    public static final String GOLD = "ach-scorecard-gold-2026";

    protected static final TestTokenIssuer ISSUER = new TestTokenIssuer();
    protected static final FakeUpstreams UPSTREAMS = new FakeUpstreams();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private static final List<String> COLLECTIONS = List.of("offers", "claims", "claim_reservations", "company_claims", "pool_codes",
            "code_batches", "idempotency_keys", "idempotency_keys_responses", "offer_views");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("offers-it"));
        registry.add("spring.mongodb.database", () -> "offers-it");
        registry.add("esg.security.issuer", ISSUER::issuer);
        registry.add("esg.offers.badge-url", UPSTREAMS::url);
        registry.add("esg.offers.directory-url", UPSTREAMS::url);
        registry.add("esg.offers.upstream.connect-timeout", () -> "500ms");
        registry.add("esg.offers.upstream.response-timeout", () -> "800ms");
        registry.add("esg.offers.upstream.retry-after", () -> "7s");
        registry.add("esg.offers.cursor-secret", () -> "test-cursor-secret");
        registry.add("esg.offers.sweep.enabled", () -> "false");
        // generous leases: a slow, shared machine must never make a healthy request look crashed; tests that
        // need a lease to run out move the clock instead of waiting
        registry.add("esg.offers.idempotency.lease", () -> "120s");
        registry.add("esg.offers.claim-lease", () -> "120s");
        registry.add("esg.offers.demo-data", () -> "false");
        registry.add("logging.level.hk.esgone.offers", () -> "INFO");
    }

    /**
     * Not the auto-configured client: this one opens a connection per request, because a WebTestClient
     * exchange whose body no expectation reads keeps its pooled connection (spring-framework#29817), and
     * enough of those make a later request wait forever for the pool.
     */
    protected WebTestClient web;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected TestFaults faults;

    @Autowired
    protected ClaimRecovery recovery;

    @Autowired
    protected LifecycleSweep sweep;

    @Autowired
    protected JsonMapper json;

    @LocalServerPort
    protected int port;

    @BeforeEach
    void cleanSlate() {
        if (web == null) {
            web = TestWebClients.unpooled(port);
        }
        Flux.fromIterable(COLLECTIONS)
                .concatMap(name -> mongo.getCollection(name).flatMap(c -> Mono.from(c.deleteMany(new Document()))))
                .blockLast(Duration.ofSeconds(30));
        UPSTREAMS.reset();
        clock.reset();
        faults.reset();
    }

    // ---- tokens -----------------------------------------------------------------------------------------

    protected static String partnerA() {
        return token("partner", PARTNER_A);
    }

    protected static String partnerB() {
        return token("partner", PARTNER_B);
    }

    protected static String smeA() {
        return token("sme", SME_A);
    }

    protected static String smeB() {
        return token("sme", SME_B);
    }

    protected static String sme(String companyId) {
        return token("sme", companyId);
    }

    protected static String admin() {
        return TOKENS.computeIfAbsent("admin", k -> ISSUER.token().subject("admin-user").roles(List.of("admin"))
                .expiresAt(Instant.now().plus(Duration.ofHours(2))).sign());
    }

    protected static String buyer() {
        return TOKENS.computeIfAbsent("buyer", k -> ISSUER.token().subject("buyer-user").roles(List.of("buyer"))
                .expiresAt(Instant.now().plus(Duration.ofHours(2))).sign());
    }

    private static String token(String role, String companyId) {
        return TOKENS.computeIfAbsent(role + "|" + companyId, k -> ISSUER.token().subject(role + "-" + companyId).roles(List.of(role))
                .organizations(companyId).expiresAt(Instant.now().plus(Duration.ofHours(2))).sign());
    }

    // ---- offers -----------------------------------------------------------------------------------------

    /** A valid offer body; entries of {@code overrides} replace (or, with null, remove) top-level fields. */
    protected Map<String, Object> offerBody(Map<String, Object> overrides) {
        return OfferBodies.valid(clock.instant(), overrides);
    }

    protected String createOffer(String partnerToken, Map<String, Object> overrides) {
        return web.post().uri("/api/v1/offers/partner/offers").headers(h -> h.setBearerAuth(partnerToken))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(offerBody(overrides))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    /** Created, submitted and approved: claimable now. */
    protected String publishedOffer(String partnerToken, Map<String, Object> overrides) {
        String id = createOffer(partnerToken, overrides);
        submitAndApprove(partnerToken, id);
        return id;
    }

    protected void submitAndApprove(String partnerToken, String id) {
        web.post().uri("/api/v1/offers/partner/offers/{id}/submit", id).headers(h -> h.setBearerAuth(partnerToken))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUBMITTED");
        web.post().uri("/api/v1/offers/admin/offers/{id}/approve", id).headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").value(s -> assertThat(s).isIn("PUBLISHED", "SCHEDULED"));
    }

    /** A plain client with a connection pool big enough for hundreds of requests at once. */
    protected WebClient loadClient() {
        return WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(LOAD_POOL).responseTimeout(Duration.ofSeconds(120))))
                .build();
    }

    private static final ConnectionProvider LOAD_POOL = ConnectionProvider.builder("offers-load").maxConnections(600)
            .pendingAcquireMaxCount(-1).pendingAcquireTimeout(Duration.ofSeconds(120)).build();

    /** Status and body of one response. */
    public record Answer(int status, String body, org.springframework.http.HttpHeaders headers) {
    }

    protected Mono<Answer> postClaim(WebClient client, String token, String offerId, String key, String body) {
        WebClient.RequestBodySpec spec = client.post().uri("/api/v1/offers/{id}/claims", offerId)
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.set("Idempotency-Key", key);
                });
        WebClient.RequestHeadersSpec<?> ready = body == null ? spec : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("")
                .map(b -> new Answer(r.statusCode().value(), b, r.headers().asHttpHeaders())));
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> parse(String body) {
        return json.readValue(body, Map.class);
    }

    protected WebTestClient.ResponseSpec claim(String token, String offerId, String key) {
        return web.post().uri("/api/v1/offers/{id}/claims", offerId)
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .exchange();
    }

    protected static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** Claims successfully and returns the claim body. */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> claimOk(String token, String offerId) {
        return claim(token, offerId, newKey()).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    // ---- stored state -------------------------------------------------------------------------------------

    protected Document offerDoc(String id) {
        return mongo.getCollection("offers").flatMap(c -> Mono.from(c.find(Filters.eq("_id", id)).first())).block(Duration.ofSeconds(10));
    }

    protected int remaining(String offerId) {
        return offerDoc(offerId).getInteger("remaining");
    }

    protected long count(String collection, org.bson.conversions.Bson filter) {
        return mongo.getCollection(collection).flatMap(c -> Mono.from(c.countDocuments(filter))).block(Duration.ofSeconds(10));
    }

    protected List<Document> all(String collection, org.bson.conversions.Bson filter) {
        return mongo.getCollection(collection).flatMapMany(c -> Flux.from(c.find(filter))).collectList().block(Duration.ofSeconds(30));
    }

    protected long activeClaims(String offerId) {
        return count("claims", Filters.and(Filters.eq("offerId", offerId), Filters.eq("status", "ACTIVE")));
    }

    /** Every document of the service's collections, to show that a refused request changed nothing. */
    protected Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String c : COLLECTIONS) {
            if (!c.startsWith("idempotency_keys")) {
                all.put(c, all(c, new Document()));
            }
        }
        return all;
    }

    protected static String type(String kind) {
        return ApiProblem.TYPE_BASE + kind;
    }

    protected void assertAtRest(String offerId, int quota) {
        ClaimRecovery.Audit audit = recovery.audit(offerId).block(Duration.ofSeconds(10));
        assertThat(audit.inFlight()).as("claims in flight").isZero();
        assertThat(audit.remaining() + audit.holding()).as("remaining + claims holding a place").isEqualTo(quota);
        assertThat(audit.remaining()).isGreaterThanOrEqualTo(0);
    }
}
