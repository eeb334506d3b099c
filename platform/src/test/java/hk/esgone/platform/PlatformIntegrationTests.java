package hk.esgone.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Caller;
import hk.esgone.platform.security.EsgSecurity;
import hk.esgone.platform.text.FreeText;
import hk.esgone.platform.text.PlainText;
import hk.esgone.platform.web.CorrelationId;
import hk.esgone.testsupport.jwt.TestTokenIssuer;
import hk.esgone.testsupport.web.RawHttp;
import hk.esgone.testsupport.web.TestWebClients;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What every ESG One service gets from {@code platform}: problem details for every kind of bad request,
 * token validation that refuses forged, foreign and expired tokens, and a correlation id on every answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = PlatformIntegrationTests.TestApp.class,
        // the applications' own level pattern, which shows the correlation id
        // no least time between key fetches here, so the rotation test needs no waiting (JwksCacheTests tests the interval)
        properties = {"esg.web.max-request-size=2KB", "esg.web.body-limits[0].path=/uploads/{name}",
                "esg.web.body-limits[0].method=POST", "esg.web.body-limits[0].max=16KB", "esg.security.jwks-refetch-interval=0s", "logging.pattern.level=%5p [platform-test,%X{correlationId:-}]"})
class PlatformIntegrationTests {

    static final TestTokenIssuer issuer = new TestTokenIssuer();

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        registry.add("esg.security.issuer", issuer::issuer);
        registry.add("spring.http.codecs.max-in-memory-size", () -> "4KB");
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    WebTestClient web;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @org.junit.jupiter.api.BeforeEach
    void client() {
        web = TestWebClients.unpooled(port);
    }

    String smeToken() {
        return issuer.tokenFor("sme-user", List.of("sme"), "cmp-demo-supplier");
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void everyRequestLeavesOneAccessLogLineWithItsCorrelationIdButNotItsQuery(org.springframework.boot.test.system.CapturedOutput output) {
        web.get().uri("/things/me?q=secret-search-words").header("X-Correlation-Id", "access-log-0001")
                .headers(h -> h.setBearerAuth(smeToken())).exchange().expectStatus().isOk();
        web.get().uri("/things/admin").header("X-Correlation-Id", "access-log-0002")
                .headers(h -> h.setBearerAuth(smeToken())).exchange().expectStatus().isForbidden();
        web.get().uri("/actuator/health").header("X-Correlation-Id", "access-log-0003").exchange();
        // answered by the error handler, after the filters have ended
        web.get().uri("/things/nothing-here").header("X-Correlation-Id", "access-log-0004")
                .headers(h -> h.setBearerAuth(smeToken())).exchange().expectStatus().isNotFound();

        // written once the response has been sent, so possibly just after the client has it
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> {
            List<String> written = output.getOut().lines().filter(l -> l.contains("hk.esgone.access")).toList();
            assertThat(written).anySatisfy(l -> assertThat(l).contains("GET /things/me 200").contains("access-log-0001"));
            assertThat(written).anySatisfy(l -> assertThat(l).contains("GET /things/admin 403").contains("access-log-0002"));
            assertThat(written).anySatisfy(l -> assertThat(l).contains("GET /things/nothing-here 404").contains("access-log-0004"));
        });
        List<String> lines = output.getOut().lines().filter(l -> l.contains("hk.esgone.access")).toList();
        assertThat(lines).filteredOn(l -> l.contains("access-log-0001")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.contains("access-log-0004")).hasSize(1);
        assertThat(String.join("\n", lines)).doesNotContain("secret-search-words").doesNotContain("access-log-0003");
    }

    @Test
    void aValidTokenIsAcceptedAndItsRolesAndCompanyAreRead() {
        web.get().uri("/things/me").headers(h -> h.setBearerAuth(smeToken()))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.roles[0]").isEqualTo("sme")
                .jsonPath("$.companyIds[0]").isEqualTo("cmp-demo-supplier");
    }

    @Test
    void forgedForeignAndExpiredTokensAreRefusedWithProblemDetails() {
        List<String> bad = List.of(
                issuer.token().subject("u").roles(List.of("sme")).expiresAt(Instant.now().minusSeconds(600)).sign(),
                issuer.token().subject("u").roles(List.of("sme")).issuer("http://evil.example/realms/esg-one").sign(),
                issuer.token().subject("u").roles(List.of("sme")).audience("another-api").sign(),
                issuer.unsignedToken("u", List.of("admin")),
                TestTokenIssuer.tampered(smeToken(), "{\"sub\":\"u\",\"realm_access\":{\"roles\":[\"admin\"]}}"),
                issuer.token().subject("u").roles(List.of("sme")).unpublishedKey().sign(),
                "not-a-jwt");
        for (String token : bad) {
            web.get().uri("/things/me").headers(h -> h.setBearerAuth(token))
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo(ApiProblem.TYPE_BASE + "unauthorized")
                    .jsonPath("$.status").isEqualTo(401);
        }
        web.get().uri("/things/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo(ApiProblem.TYPE_BASE + "unauthorized");
    }

    @Test
    void aTokenSignedWithARotatedKeyIsAcceptedAfterTheKeysAreFetchedAgain() {
        web.get().uri("/things/me").headers(h -> h.setBearerAuth(smeToken())).exchange().expectStatus().isOk();
        issuer.rotate();
        web.get().uri("/things/me").headers(h -> h.setBearerAuth(smeToken())).exchange().expectStatus().isOk();
    }

    @Test
    void theWrongRoleGetsForbiddenAsProblemDetails() {
        web.get().uri("/things/admin").headers(h -> h.setBearerAuth(smeToken()))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(ApiProblem.TYPE_BASE + "forbidden");
    }

    @Test
    void invalidJsonWrongTypesAndInvalidFieldsAreClearBadRequests() {
        post("{\"name\": \"ok\", \"count\": ").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(ApiProblem.TYPE_BASE + "malformed-request")
                .jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain("Exception").doesNotContain("tools.jackson"));
        post("{\"name\": \"ok\", \"count\": \"many\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(ApiProblem.TYPE_BASE + "malformed-request")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("count"));
        post("{\"name\": \"\", \"count\": 500}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(ApiProblem.TYPE_BASE + "validation")
                .jsonPath("$.errors.length()").isEqualTo(2);
    }

    @Test
    void textIsNormalisedAndDeceptiveOrBrokenCharactersAreRefusedNamingTheField() {
        // "Cafe" + combining acute accent comes back as the single code point U+00E9; line breaks stay in a description
        postLabel("{\"name\": \"Cafe\\u0301 Verde\", \"description\": \"line one\\nline two\\tend\"}")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Caf\u00e9 Verde")
                .jsonPath("$.description").isEqualTo("line one\nline two\tend");
        // a right-to-left override would make the name display as something else
        postLabel("{\"name\": \"Green \\u202Egnp.exe\"}")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(ApiProblem.TYPE_BASE + "validation")
                .jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("U+202E"));
        // a lone surrogate is refused in any string, annotated or not, before it could be stored as U+FFFD
        postLabel("{\"name\": \"ok\", \"description\": \"broken \\ud800 text\"}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(ApiProblem.TYPE_BASE + "validation")
                .jsonPath("$.errors[0].field").isEqualTo("description")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("U+D800"));
        postLabel("{\"name\": \"two\\nlines\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    private WebTestClient.ResponseSpec postLabel(String json) {
        return web.post().uri("/labels").headers(h -> h.setBearerAuth(smeToken()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @Test
    void requestsRefusedBeforeAnyControllerStillGetAProblemBody() {
        assertRawProblem(RawHttp.send(port, "GET /things/me?q=" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: localhost"),
                414, "uri-too-long");
        assertRawProblem(RawHttp.send(port, "GET /things/me HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "y".repeat(20_000)),
                431, "header-fields-too-large");
        assertRawProblem(RawHttp.send(port, "GET /things/me?q=%ZZ HTTP/1.1\r\nHost: localhost"), 400, "malformed-uri");
        assertRawProblem(RawHttp.send(port, "GET /things/%E0%A4%A HTTP/1.1\r\nHost: localhost"), 400, "malformed-uri");
        assertRawProblem(RawHttp.send(port, "GET /things/me HTTP/1.1\r\nHost: localhost\r\nBad Header: x"), 400, "malformed-request");
        // a request that is fine still reaches the application (here: no token, so 401)
        assertThat(RawHttp.send(port, "GET /things/me?q=%41 HTTP/1.1\r\nHost: localhost").status()).isEqualTo(401);
    }

    static void assertRawProblem(RawHttp.Response response, int status, String kind) {
        assertThat(response.status()).as(kind).isEqualTo(status);
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"" + ApiProblem.TYPE_BASE + kind + "\"")
                .contains("\"status\":" + status).contains("\"title\":").contains("\"detail\":");
    }

    @Test
    void oversizedBodiesAreRefusedWhetherTheirLengthIsDeclaredOrNot() {
        String big = "{\"name\": \"" + "x".repeat(5000) + "\", \"count\": 1}";
        post(big).expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo(ApiProblem.TYPE_BASE + "payload-too-large");
        // chunked: no Content-Length, so the codec limit is what stops it
        web.post().uri("/things").headers(h -> h.setBearerAuth(smeToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(reactor.core.publisher.Flux.just(big.substring(0, 2500), big.substring(2500)), String.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo(ApiProblem.TYPE_BASE + "payload-too-large");
    }

    @Test
    void aPathWithItsOwnLimitTakesLargerBodiesUpToThatLimitOnly() {
        byte[] tenKb = new byte[10 * 1024];
        upload(Flux.just(tenKb)).expectStatus().isOk().expectBody(String.class).isEqualTo("10240");
        byte[] twentyKb = new byte[20 * 1024];
        upload(Flux.just(twentyKb)).expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo(ApiProblem.TYPE_BASE + "payload-too-large");
        // chunked: counted as it is read (a raw body is not bounded by any codec)
        upload(Flux.just(tenKb, tenKb)).expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo(ApiProblem.TYPE_BASE + "payload-too-large");
        // the default still holds elsewhere
        post("{\"name\": \"" + "x".repeat(3000) + "\", \"count\": 1}").expectStatus().isEqualTo(413);
    }

    private WebTestClient.ResponseSpec upload(Flux<byte[]> chunks) {
        WebTestClient.RequestBodySpec request = web.post().uri("/uploads/a").headers(h -> h.setBearerAuth(smeToken()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM);
        return chunks.count().block() == 1
                ? request.bodyValue(chunks.blockFirst()).exchange()
                : request.body(chunks, byte[].class).exchange();
    }

    @Test
    void unknownPathsMethodsAndMediaTypesAreProblems() {
        web.get().uri("/nowhere").headers(h -> h.setBearerAuth(smeToken())).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(ApiProblem.TYPE_BASE + "not-found");
        web.method(HttpMethod.DELETE).uri("/things/me").headers(h -> h.setBearerAuth(smeToken())).exchange()
                .expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.type").isEqualTo(ApiProblem.TYPE_BASE + "method-not-allowed");
        web.post().uri("/things").headers(h -> h.setBearerAuth(smeToken()))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.type").isEqualTo(ApiProblem.TYPE_BASE + "unsupported-media-type");
    }

    @Test
    void pathsTheFirewallRefusesAreProblemsToo() {
        web.get().uri(java.net.URI.create("http://127.0.0.1:" + port + "/things/a%2F..%2Fadmin")).headers(h -> h.setBearerAuth(smeToken())).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(ApiProblem.TYPE_BASE + "bad-request");
    }

    @Test
    void anApiProblemKeepsItsTypeAndAnUnexpectedFailureLeaksNothing() {
        web.get().uri("/things/missing-1").headers(h -> h.setBearerAuth(smeToken())).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("Thing 'missing-1' does not exist or is not visible to you.");
        web.get().uri("/things/boom").headers(h -> h.setBearerAuth(smeToken())).exchange()
                .expectStatus().is5xxServerError()
                .expectBody()
                .jsonPath("$.type").isEqualTo(ApiProblem.TYPE_BASE + "internal")
                .jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain("secret-internal-detail"))
                .jsonPath("$.correlationId").exists();
    }

    @Test
    void theCorrelationIdIsEchoedWhenWellFormedAndReplacedWhenNot() {
        web.get().uri("/things/me").header(CorrelationId.HEADER, "req-12345678").headers(h -> h.setBearerAuth(smeToken()))
                .exchange().expectHeader().valueEquals(CorrelationId.HEADER, "req-12345678");
        web.get().uri("/things/me").header(CorrelationId.HEADER, "<script>").headers(h -> h.setBearerAuth(smeToken()))
                .exchange().expectHeader().value(CorrelationId.HEADER, v -> assertThat(v).matches("[0-9a-f-]{36}"));
    }

    private WebTestClient.ResponseSpec post(String json) {
        return web.post().uri("/things").headers(h -> h.setBearerAuth(smeToken()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @SpringBootApplication
    @EnableWebFluxSecurity
    static class TestApp {

        @Bean
        SecurityWebFilterChain chain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
            return EsgSecurity.resourceServer(http, decoder)
                    .authorizeExchange(a -> a.pathMatchers("/things/admin").hasRole("admin").anyExchange().authenticated())
                    .build();
        }

        @Bean
        ThingController thingController() {
            return new ThingController();
        }
    }

    record ThingRequest(@NotBlank String name, @Max(100) int count, @Size(max = 10000) String note) {
    }

    /** How a service applies the text rules: one annotation per field. */
    record LabelRequest(@NotBlank @PlainText String name, @FreeText String description) {
    }

    @RestController
    static class ThingController {

        @GetMapping("/things/me")
        Mono<Caller> me() {
            return EsgSecurity.currentCaller();
        }

        @GetMapping("/things/admin")
        Mono<String> admin() {
            return Mono.just("ok");
        }

        @GetMapping("/things/boom")
        Mono<String> boom() {
            return Mono.error(new IllegalStateException("secret-internal-detail"));
        }

        @GetMapping("/things/{id}")
        Mono<String> thing(@PathVariable String id) {
            return Mono.error(ApiProblem.notFound("Thing", id));
        }

        @PostMapping("/things")
        Mono<ThingRequest> create(@Valid @RequestBody ThingRequest request) {
            return Mono.just(request);
        }

        @PostMapping("/uploads/{name}")
        Mono<String> upload(@RequestBody Flux<DataBuffer> body) {
            return body.map(buffer -> {
                int n = buffer.readableByteCount();
                DataBufferUtils.release(buffer);
                return (long) n;
            }).reduce(0L, Long::sum).map(String::valueOf);
        }

        @PostMapping("/labels")
        Mono<LabelRequest> label(@Valid @RequestBody LabelRequest request) {
            return Mono.just(request);
        }
    }
}
