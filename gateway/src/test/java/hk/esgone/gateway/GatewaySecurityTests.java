package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import hk.esgone.testsupport.jwt.TestTokenIssuer;

/** Who may pass the gateway: token validation, anonymous public reads, and the admin rule at the edge. */
class GatewaySecurityTests extends AbstractGatewayTests {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET,  /api/v1/directory/companies, directory",
            "GET,  /api/v1/directory/companies/c-1001, directory",
            "GET,  /api/v1/directory/search/companies?q=ISO%2014001, directory",
            "GET,  /api/v1/directory/taxonomies/certifications, directory",
            "GET,  /api/v1/offers/catalogue, offers",
            "GET,  /api/v1/offers/catalogue/o-7, offers",
            "GET,  /api/v1/badges/verify/b-42, badge",
            "GET,  /api/v1/badges/status-lists/2026-1, badge",
            "GET,  /api/v1/badges/holders/cmp-demo-supplier, badge",
            "GET,  /api/v1/badges/holders?brNumber=12345678, badge",
            "GET,  /api/v1/badges/achievements/ach-scorecard-gold-2026, badge",
            "GET,  /api/v1/badges/credentials/bdg-1, badge",
            "POST, /api/v1/badges/verify, badge",
            "GET,  /badges/b-42, badge",
            "GET,  /widget/v1/badge.js, badge",
            "GET,  /.well-known/did.json, badge",
            "GET,  /api/v1/assessments/questionnaire?industry=C&size=SMALL, assessment"})
    void anonymousCallersMayUseThePublicReads(String method, String pathAndQuery, String service) {
        client.method(HttpMethod.valueOf(method)).uri(pathAndQuery)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(method.equals("POST") ? "{\"credential\":\"eyJ...\"}" : "")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Served-By", service);

        FakeUpstream upstream = switch (service) {
            case "directory" -> DIRECTORY;
            case "offers" -> OFFERS;
            case "assessment" -> ASSESSMENT;
            default -> BADGE;
        };
        assertThat(upstream.onlyRequest().header("Authorization")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info"})
    void anonymousCallersMayReadTheGatewaysHealthAndInfo(String path) {
        client.get().uri(path).exchange()
                .expectStatus().value(status -> assertThat(status).isIn(200, 503))
                .expectBody().jsonPath("$").exists();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET,    /api/v1/directory/me",
            "POST,   /api/v1/directory/companies",
            "PUT,    /api/v1/directory/companies/c-1001",
            "POST,   /api/v1/offers/catalogue/o-7/claims",
            "GET,    /api/v1/offers/claims",
            "POST,   /api/v1/badges/issue",
            "DELETE, /badges/b-42",
            "POST,   /api/v1/badges/verify/b-42",
            "POST,   /api/v1/assessments",
            "GET,    /api/v1/assessments/asm-2026-a",
            "PUT,    /api/v1/assessments/asm-2026-a/answers/E01",
            "GET,    /api/v1/assessments/questionnaires",
            "GET,    /api/v1/directory/admin/companies"})
    void anonymousCallersAreRefusedEverywhereElse(String method, String path) {
        assertUnauthorized(client.method(HttpMethod.valueOf(method)).uri(path)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(), path);

        assertNoServiceCalled();
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                bad("expired", () -> KEYCLOAK.token().roles(List.of("sme")).expiresAt(Instant.now().minus(Duration.ofMinutes(5))).sign()),
                bad("wrong issuer", () -> KEYCLOAK.token().roles(List.of("sme")).issuer("http://127.0.0.1:1/realms/other").sign()),
                bad("wrong audience", () -> KEYCLOAK.token().roles(List.of("sme")).audience("account").sign()),
                bad("alg none", () -> KEYCLOAK.unsignedToken("mallory", List.of("admin"))),
                bad("tampered payload", () -> TestTokenIssuer.tampered(smeToken(),
                        "{\"iss\":\"" + KEYCLOAK.issuer() + "\",\"aud\":[\"esg-api\"],\"sub\":\"sme-user\","
                                + "\"exp\":" + Instant.now().plusSeconds(300).getEpochSecond()
                                + ",\"realm_access\":{\"roles\":[\"admin\"]}}")),
                bad("signed by an unpublished key", () -> KEYCLOAK.token().roles(List.of("admin")).unpublishedKey().sign()),
                bad("not a JWT", () -> "not-a-jwt"));
    }

    private static Arguments bad(String name, Supplier<String> token) {
        return Arguments.of(Named.of(name, token));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void anInvalidTokenIsRefusedOnProtectedRoutes(Supplier<String> token) {
        assertUnauthorized(client.get().uri("/api/v1/directory/me")
                .header(HttpHeaders.AUTHORIZATION, bearer(token.get())).exchange(), "/api/v1/directory/me");

        assertNoServiceCalled();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void anInvalidTokenIsRefusedEvenOnPublicRoutesRatherThanTreatedAsAnonymous(Supplier<String> token) {
        assertUnauthorized(client.get().uri("/api/v1/directory/companies")
                .header(HttpHeaders.AUTHORIZATION, bearer(token.get())).exchange(), "/api/v1/directory/companies");

        assertNoServiceCalled();
    }

    @Test
    void aValidTokenPassesToAProtectedRoute() {
        client.get().uri("/api/v1/directory/me")
                .header(HttpHeaders.AUTHORIZATION, bearer(smeToken()))
                .exchange()
                .expectStatus().isOk();

        assertThat(DIRECTORY.onlyRequest().pathAndQuery()).isEqualTo("/api/v1/directory/me");
    }

    @Test
    void aTokenInTheQueryStringIsNotAccepted() {
        assertUnauthorized(client.get().uri("/api/v1/directory/me?access_token=" + smeToken()).exchange(), "/api/v1/directory/me");

        assertNoServiceCalled();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/v1/directory/admin/companies, directory", "/api/v1/offers/admin/offers/o-7, offers",
            "/api/v1/badges/admin/achievements, badge"})
    void adminPathsNeedTheAdminRole(String path, String service) {
        assertProblem(client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(smeToken())).exchange(),
                HttpStatus.FORBIDDEN, "forbidden", path);
        assertNoServiceCalled();

        client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(adminToken()))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Served-By", service);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/v1/directory/%61dmin/companies, 403, forbidden",
            "/api/v1/offers/ADMIN/../admin/offers, 400, bad-request"})
    void encodedOrDisguisedAdminPathsAreStillRefused(String rawPath, int status, String kind) {
        assertProblem(client.get().uri(raw(rawPath)).header(HttpHeaders.AUTHORIZATION, bearer(smeToken())).exchange(),
                HttpStatus.valueOf(status), kind, rawPath);

        assertNoServiceCalled();
    }

    @Test
    void headersCannotElevateTheRolesOfAValidToken() {
        String path = "/api/v1/directory/admin/companies";

        assertProblem(client.get().uri(path)
                        .header(HttpHeaders.AUTHORIZATION, bearer(smeToken()))
                        .header("X-Roles", "admin")
                        .header("X-User-Roles", "admin")
                        .header("X-Forwarded-Roles", "admin")
                        .header("X-Auth-Request-Groups", "admin")
                        .header("X-Forwarded-User", "council-admin")
                        .header("Authorization-Roles", "admin")
                        .exchange(),
                HttpStatus.FORBIDDEN, "forbidden", path);
        // a second Authorization header with an admin's token does not count either
        assertThat(client.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(smeToken()), bearer(adminToken()))
                .exchange()
                .expectStatus().value(status -> assertThat(status).isIn(400, 401, 403))
                .returnResult(String.class).getStatus().is2xxSuccessful()).isFalse();

        assertNoServiceCalled();
    }

    @Test
    void aTokenSignedWithARotatedKeyIsAcceptedOnceTheKeysAreFetchedAgain() {
        // the gateway knows the current key
        client.get().uri("/api/v1/directory/me").header(HttpHeaders.AUTHORIZATION, bearer(smeToken()))
                .exchange().expectStatus().isOk();
        int fetchesBefore = KEYCLOAK.jwksFetches();

        KEYCLOAK.rotate();
        String signedWithNewKey = smeToken();

        client.get().uri("/api/v1/directory/me").header(HttpHeaders.AUTHORIZATION, bearer(signedWithNewKey))
                .exchange().expectStatus().isOk();
        assertThat(KEYCLOAK.jwksFetches()).as("JWKS fetched again for the unknown kid").isGreaterThan(fetchesBefore);
        assertThat(DIRECTORY.received()).filteredOn(r -> r.pathAndQuery().equals("/api/v1/directory/me")).hasSize(2);
    }
}
