package hk.esgone.directory.company;

import static hk.esgone.directory.support.ApplicationBodies.application;
import static hk.esgone.directory.support.ApplicationBodies.partnerApplication;
import static hk.esgone.directory.support.ApplicationBodies.with;
import static hk.esgone.directory.support.Responses.json;
import static hk.esgone.directory.support.Responses.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.directory.benchmark.PeerBenchmarkService;
import hk.esgone.directory.company.store.CompanyRepository;
import hk.esgone.directory.demo.DemoCompanyGenerator;
import hk.esgone.directory.onboarding.CompanyOnboardingService;
import hk.esgone.directory.support.Await;
import hk.esgone.directory.support.DirectoryTestProperties;
import hk.esgone.directory.support.FakeKeycloakConfig;
import hk.esgone.directory.support.FakeOrganizationProvisioner;
import hk.esgone.directory.support.ProfileBodies;
import hk.esgone.directory.support.TcpProxy;
import hk.esgone.directory.support.TestTokens;
import hk.esgone.testsupport.jwt.TestTokenIssuer;
import hk.esgone.testsupport.web.TestWebClients;
import tools.jackson.databind.JsonNode;

/**
 * The company API as its users meet it, with MongoDB (embedded) and a fake Keycloak, and Elasticsearch
 * unreachable (a closed port): profiles, applications, the approval lifecycle, two tenants, bad input.
 * Everything here must work without Elasticsearch, which is the point of several tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"esg.directory.demo.enabled=true", "esg.directory.demo.count=60"})
@Import(FakeKeycloakConfig.class)
class CompanyApiIntegrationTests {

    static final TestTokenIssuer issuer = new TestTokenIssuer();
    static final TestTokens tokens = new TestTokens(issuer);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DirectoryTestProperties.register(registry, issuer, "api", "http://127.0.0.1:" + TcpProxy.freePort(),
                DirectoryTestProperties.indexPrefix("api"));
        registry.add("esg.directory.keycloak.retry-interval", () -> "50ms");
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @LocalServerPort
    int port;
    WebTestClient web;
    @Autowired
    CompanyRepository companies;
    @Autowired
    FakeOrganizationProvisioner keycloak;
    @Autowired
    CompanyOnboardingService onboarding;
    @Autowired
    PeerBenchmarkService benchmarks;

    @BeforeEach
    void demoDataLoaded() {
        web = TestWebClients.unpooled(port);
        Await.until("the demo data is loaded", Duration.ofSeconds(60), () -> companies.count().block() >= 60);
        keycloak.down = false;
    }

    // ------------------------------------------------------------------ reading

    @Test
    void aPublishedProfileIsPublicWithTheContractFieldsAndItsPeerBenchmark() {
        benchmarks.refresh().block();
        JsonNode body = json(web.get().uri("/api/v1/directory/companies/cmp-demo-supplier").exchange().expectStatus().isOk());
        assertThat(body.path("id").asString()).isEqualTo("cmp-demo-supplier");
        assertThat(body.path("kind").asString()).isEqualTo("SUPPLIER");
        assertThat(body.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(body.path("name").path("en").asString()).isEqualTo("Demo Green Packaging Ltd");
        assertThat(body.path("name").path("zhHant").asString()).isEqualTo("示範綠色包裝有限公司");
        assertThat(body.path("brNumber").asString()).matches("\\d{8}");
        assertThat(body.path("industry").path("code").asString()).isEqualTo("C");
        assertThat(body.path("industry").path("label").path("zhHant").asString()).isEqualTo("製造業");
        assertThat(body.path("sector").path("code").asString()).isEqualTo("PAPER");
        assertThat(body.path("scorecard").path("level").asString()).isEqualTo("GOLD");
        assertThat(body.path("certifications").get(0).path("valid").asBoolean()).isTrue();
        assertThat(body.path("locations").get(0).path("label").path("zhHant").asString()).isEqualTo("觀塘區");
        // trust signal on the profile: where its scores stand among manufacturers
        assertThat(body.path("benchmark").path("industry").path("industry").asString()).isEqualTo("C");
        assertThat(body.path("benchmark").path("industry").path("percentiles").path("overall").isInt()).isTrue();
        assertThat(body.has("owner")).isTrue();
        assertThat(body.path("owner").isNull()).as("no private part for an anonymous reader").isTrue();
    }

    @Test
    void unpublishedAndSuspendedCompaniesDoNotExistForAnyoneButTheirMembersAndAdmins() {
        DemoCompanyGenerator generator = new DemoCompanyGenerator(20_260_613L, LocalDate.now(ZoneOffset.UTC));
        List<String> hidden = new ArrayList<>();
        for (Company c : generator.companies(60)) {
            if (c.status() != CompanyStatus.PUBLISHED) {
                hidden.add(c.id());
            }
        }
        // plus one we suspend now
        adminPost("/api/v1/directory/admin/companies/cmp-demo-partner-2/suspend", Map.of("reason", "Documents expired"))
                .expectStatus().isOk();
        hidden.add("cmp-demo-partner-2");
        try {
            for (String id : hidden) {
                for (String token : new String[]{null, tokens.sme(), tokens.buyer()}) {
                    problem(get("/api/v1/directory/companies/" + id, token).expectStatus().isNotFound(), "not-found");
                }
                get("/api/v1/directory/companies/" + id, tokens.admin()).expectStatus().isOk();
            }
        } finally {
            adminPost("/api/v1/directory/admin/companies/cmp-demo-partner-2/reinstate", Map.of()).expectStatus().isOk();
        }
        get("/api/v1/directory/companies/cmp-demo-partner-2", null).expectStatus().isOk();
        problem(get("/api/v1/directory/companies/not-an-id", null).expectStatus().isNotFound(), "not-found");
    }

    // ------------------------------------------------------------------ application → approval → Keycloak

    @Test
    void anApplicantAppliesAnAdminApprovesAndTheCompanyIsProvisionedOnceAndPublished() {
        String applicant = "applicant-" + System.nanoTime();
        JsonNode created = json(post("/api/v1/directory/applications", tokens.applicant(applicant), application("31415926", "Tsing Yi Eco Plastics Ltd"))
                .expectStatus().isCreated()
                .expectHeader().exists(HttpHeaders.LOCATION));
        String id = created.path("id").asString();
        assertThat(id).matches("^cmp-[a-z2-7]{12}$");
        assertThat(created.path("status").asString()).isEqualTo("SUBMITTED");

        // not public yet; the applicant sees it; the admin finds it in the queue
        get("/api/v1/directory/companies/" + id, null).expectStatus().isNotFound();
        get("/api/v1/directory/companies/" + id, tokens.applicant(applicant)).expectStatus().isOk();
        JsonNode queue = json(get("/api/v1/directory/admin/applications?status=SUBMITTED&limit=100", tokens.admin()).expectStatus().isOk());
        assertThat(queue.findValuesAsString("id")).contains(id);
        // a second application while the first waits is refused
        problem(post("/api/v1/directory/applications", tokens.applicant(applicant), application("27182818", "Another Co Ltd"))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT), "application-pending");
        // only admins approve
        problem(post("/api/v1/directory/admin/companies/" + id + "/approve", tokens.sme(), Map.of()).expectStatus().isForbidden(), "forbidden");

        JsonNode approved = json(adminPost("/api/v1/directory/admin/companies/" + id + "/approve", Map.of()).expectStatus().isOk());
        assertThat(approved.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(approved.path("owner").path("provisioningState").asString()).isEqualTo("DONE");
        assertThat(approved.path("owner").path("organizationId").asString()).isEqualTo(keycloak.organizationsByAlias.get(id));
        var request = keycloak.requests.stream().filter(r -> r.companyId().equals(id)).findFirst().orElseThrow();
        assertThat(request.applicantUserId()).isEqualTo(applicant);
        assertThat(request.memberRole()).isEqualTo("sme");
        // staff find the newest decisions on top of the listed companies (the demo companies are older)
        JsonNode listed = json(get("/api/v1/directory/admin/applications?status=PUBLISHED&limit=1", tokens.admin()).expectStatus().isOk());
        assertThat(listed.findValuesAsString("id")).containsExactly(id);

        // approving again changes nothing and calls Keycloak no more
        int calls = keycloak.requests.size();
        json(adminPost("/api/v1/directory/admin/companies/" + id + "/approve", Map.of()).expectStatus().isOk());
        assertThat(keycloak.requests).hasSize(calls);
        get("/api/v1/directory/companies/" + id, null).expectStatus().isOk();
    }

    @Test
    void whenKeycloakIsDownApprovalIsRecordedAndCompletedLaterWithoutCreatingAnythingTwice() {
        String applicant = "applicant-kc-" + System.nanoTime();
        String id = json(post("/api/v1/directory/applications", tokens.applicant(applicant), partnerApplication("16180339"))
                .expectStatus().isCreated()).path("id").asString();

        keycloak.down = true;
        JsonNode pending = json(adminPost("/api/v1/directory/admin/companies/" + id + "/approve", Map.of()).expectStatus().isAccepted());
        assertThat(pending.path("status").asString()).isEqualTo("PROVISIONING");
        assertThat(pending.path("owner").path("provisioningState").asString()).isEqualTo("FAILED");
        assertThat(pending.path("owner").path("provisioningAttempts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(pending.path("owner").path("provisioningError").asString()).contains("Connection refused");
        get("/api/v1/directory/companies/" + id, null).expectStatus().isNotFound();
        // a second click while it is still down (the background retry may have tried in between too)
        int attempts = pending.path("owner").path("provisioningAttempts").asInt();
        assertThat(json(adminPost("/api/v1/directory/admin/companies/" + id + "/approve", Map.of()).expectStatus().isAccepted())
                .path("owner").path("provisioningAttempts").asInt()).isGreaterThan(attempts);

        keycloak.down = false;
        // the background retry completes it
        Await.until("the retry provisions it", Duration.ofSeconds(20), () -> {
            onboarding.retryDueProvisioning().block();
            return companies.findById(id).block().status() == CompanyStatus.PUBLISHED;
        });
        Company published = companies.findById(id).block();
        assertThat(published.provisioning().organizationId()).isEqualTo(keycloak.organizationsByAlias.get(id));
        assertThat(published.provisioning().memberRole()).isEqualTo("partner");
        assertThat(keycloak.organizationsByAlias.keySet().stream().filter(id::equals)).hasSize(1);
        get("/api/v1/directory/companies/" + id, null).expectStatus().isOk();
    }

    @Test
    void aRejectionNeedsAReasonAndFreesTheRegistrationNumberForACorrectedApplication() {
        String applicant = "applicant-rj-" + System.nanoTime();
        String id = json(post("/api/v1/directory/applications", tokens.applicant(applicant), application("14142135", "Wrong Name Ltd"))
                .expectStatus().isCreated()).path("id").asString();
        problem(adminPost("/api/v1/directory/admin/companies/" + id + "/reject", Map.of()).expectStatus().isBadRequest(), "validation");
        JsonNode rejected = json(adminPost("/api/v1/directory/admin/companies/" + id + "/reject",
                Map.of("reason", "The BR certificate does not match the company name")).expectStatus().isOk());
        assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.path("owner").path("reviewReason").asString()).contains("BR certificate");
        problem(adminPost("/api/v1/directory/admin/companies/" + id + "/approve", Map.of()).expectStatus().isEqualTo(HttpStatus.CONFLICT), "invalid-state");
        post("/api/v1/directory/applications", tokens.applicant(applicant), application("14142135", "Right Name Ltd"))
                .expectStatus().isCreated();
    }

    // ------------------------------------------------------------------ bad input: 4xx problem, nothing stored

    @Test
    void aDuplicateRegistrationIsRefusedAndNothingIsStored() {
        // (input the web layer refuses before anything is stored: CompanyControllerWebFluxTests)
        String applicant = "applicant-bad-" + System.nanoTime();
        long before = companies.count().block();
        // the BR number of a company already in the directory
        String demoBr = companies.findById("cmp-demo-supplier").block().registration().brNumber();
        problem(post("/api/v1/directory/applications", tokens.applicant(applicant), application(demoBr, "Copycat Packaging Ltd"))
                .expectStatus().isEqualTo(409), "duplicate-registration");

        assertThat(companies.count().block()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void markupInTextIsStoredAsPlainTextExactlyAsWritten() {
        String script = "<script>alert('x')</script> <b>bold</b> & \"quotes\"";
        String applicant = "applicant-html-" + System.nanoTime();
        Map<String, Object> body = with(application("55667788", "<img src=x onerror=alert(1)> Ltd"),
                "description", Map.of("en", script, "zhHant", "<script>alert(1)</script>綠色"));
        String id = json(post("/api/v1/directory/applications", tokens.applicant(applicant), body).expectStatus().isCreated())
                .path("id").asString();
        JsonNode read = json(get("/api/v1/directory/companies/" + id, tokens.admin()).expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON));
        assertThat(read.path("description").path("en").asString()).isEqualTo(script);
        assertThat(read.path("name").path("en").asString()).isEqualTo("<img src=x onerror=alert(1)> Ltd");
    }

    // ------------------------------------------------------------------ two tenants

    @Test
    void membersEditTheirOwnCompanyOnlyAndAFailedEditChangesNothing() {
        JsonNode supplier2Before = json(get("/api/v1/directory/companies/cmp-demo-supplier-2", tokens.admin()).expectStatus().isOk());

        // sme@ (cmp-demo-supplier) edits its own company
        Map<String, Object> profile = profileOf("cmp-demo-supplier");
        profile.put("description", Map.of("en", "Moulded-pulp trays and recycled cartons.", "zhHant", "紙漿模塑托盤及再造紙箱。"));
        JsonNode saved = json(put("/api/v1/directory/companies/cmp-demo-supplier", tokens.sme(), profile).expectStatus().isOk()
                .expectHeader().exists(HttpHeaders.ETAG));
        assertThat(saved.path("description").path("en").asString()).isEqualTo("Moulded-pulp trays and recycled cartons.");

        // ...but not the other tenant's
        Map<String, Object> hijack = profileOf("cmp-demo-supplier-2");
        hijack.put("name", Map.of("en", "Hijacked Ltd"));
        problem(put("/api/v1/directory/companies/cmp-demo-supplier-2", tokens.sme(), hijack).expectStatus().isForbidden(), "forbidden");
        problem(put("/api/v1/directory/companies/cmp-demo-supplier-2", tokens.buyer(), hijack).expectStatus().isForbidden(), "forbidden");
        problem(put("/api/v1/directory/companies/cmp-demo-supplier-2", null, hijack).expectStatus().isUnauthorized(), "unauthorized");
        // nor can sme2@ touch sme@'s company
        problem(put("/api/v1/directory/companies/cmp-demo-supplier", tokens.sme2(), profileOf("cmp-demo-supplier")).expectStatus().isForbidden(), "forbidden");

        JsonNode supplier2After = json(get("/api/v1/directory/companies/cmp-demo-supplier-2", tokens.admin()).expectStatus().isOk());
        // the peer figures are recomputed in the background (computedAt moves); everything stored must be as before
        assertThat(withoutComputedAt(supplier2After)).isEqualTo(withoutComputedAt(supplier2Before));

        // a member sees the private part of its own company only
        assertThat(json(get("/api/v1/directory/companies/cmp-demo-supplier-2", tokens.sme2()).expectStatus().isOk())
                .path("owner").path("version").isNumber()).isTrue();
        assertThat(json(get("/api/v1/directory/companies/cmp-demo-supplier-2", tokens.sme()).expectStatus().isOk())
                .path("owner").isNull()).isTrue();

        // bad edits by the rightful member are refused and change nothing
        JsonNode before = json(get("/api/v1/directory/companies/cmp-demo-supplier", tokens.sme()).expectStatus().isOk());
        Map<String, Object> bad = profileOf("cmp-demo-supplier");
        bad.put("industry", "NOT_AN_INDUSTRY");
        problem(put("/api/v1/directory/companies/cmp-demo-supplier", tokens.sme(), bad).expectStatus().isBadRequest(), "unknown-taxonomy-code");
        bad = profileOf("cmp-demo-supplier");
        bad.put("name", Map.of("en", "x".repeat(250)));
        problem(put("/api/v1/directory/companies/cmp-demo-supplier", tokens.sme(), bad).expectStatus().isBadRequest(), "validation");
        assertThat(json(get("/api/v1/directory/companies/cmp-demo-supplier", tokens.sme()).expectStatus().isOk())).isEqualTo(before);
    }

    @Test
    void aStaleIfMatchIsRefusedAndTheCurrentOneAccepted() {
        JsonNode current = json(get("/api/v1/directory/companies/cmp-demo-supplier-2", tokens.sme2()).expectStatus().isOk());
        long version = current.path("owner").path("version").asLong();
        Map<String, Object> profile = profileOf("cmp-demo-supplier-2");
        problem(web.put().uri("/api/v1/directory/companies/cmp-demo-supplier-2").headers(h -> {
                    h.setBearerAuth(tokens.sme2());
                    h.setIfMatch("\"" + (version - 1) + "\"");
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(profile).exchange()
                .expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED), "precondition-failed");
        profile.put("website", "https://www.kt-metal.example.hk/en");
        web.put().uri("/api/v1/directory/companies/cmp-demo-supplier-2").headers(h -> {
                    h.setBearerAuth(tokens.sme2());
                    h.setIfMatch("\"" + version + "\"");
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(profile).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + (version + 1) + "\"");
    }

    @Test
    void editsSucceedWhileElasticsearchIsUnreachableAndWaitForTheIndexer() {
        Map<String, Object> profile = profileOf("cmp-demo-supplier");
        profile.put("website", "https://www.demo-green-packaging.example.hk/?v=" + System.nanoTime());
        long started = System.nanoTime();
        put("/api/v1/directory/companies/cmp-demo-supplier", tokens.sme(), profile).expectStatus().isOk();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        Company stored = companies.findById("cmp-demo-supplier").block();
        assertThat(stored.indexPending()).isTrue();
        assertThat(stored.indexedVersion()).isLessThan(stored.version());
        JsonNode status = json(get("/api/v1/directory/admin/search/status", tokens.admin()).expectStatus().isOk());
        assertThat(status.path("recordsPendingIndex").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(status.path("indexer").path("aliasReady").asBoolean()).isFalse();
        // searching needs Elasticsearch: a clear 503, not a stack trace
        problem(get("/api/v1/directory/search?q=packaging", null).expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE), "search-unavailable");
    }

    // ------------------------------------------------------------------ taxonomies and scorecards

    @Test
    void taxonomiesArePublicBilingualDataThatAdminsExtend() {
        JsonNode all = json(get("/api/v1/directory/taxonomies", null).expectStatus().isOk());
        assertThat(all.path("industries").size()).isEqualTo(21);
        assertThat(all.path("sectors").size()).isEqualTo(8);
        assertThat(all.path("locations").size()).isEqualTo(28);
        assertThat(all.path("scorecardLevels").findValuesAsString("code")).containsExactly("BRONZE", "SILVER", "GOLD", "PLATINUM");
        assertThat(all.path("kinds").findValuesAsString("code")).containsExactly("SUPPLIER", "SERVICE_PROVIDER", "PARTNER");
        JsonNode kwunTong = null;
        for (JsonNode l : all.path("locations")) {
            if ("KWUN_TONG".equals(l.path("code").asString())) {
                kwunTong = l;
            }
        }
        assertThat(kwunTong.path("label").path("zhHant").asString()).isEqualTo("觀塘區");
        assertThat(kwunTong.path("group").asString()).isEqualTo("HK_DISTRICT");

        Map<String, Object> iso9001 = Map.of("label", Map.of("en", "ISO 9001 quality management", "zhHant", "ISO 9001 質量管理體系"));
        problem(put("/api/v1/directory/admin/taxonomies/certifications/ISO_9001", tokens.sme(), iso9001).expectStatus().isForbidden(), "forbidden");
        put("/api/v1/directory/admin/taxonomies/certifications/ISO_9001", tokens.admin(), iso9001).expectStatus().isOk();
        assertThat(json(get("/api/v1/directory/taxonomies/certifications", null).expectStatus().isOk()).findValuesAsString("code")).contains("ISO_9001");
        // usable at once
        Map<String, Object> profile = profileOf("cmp-demo-supplier-2");
        List<Object> certs = new ArrayList<>((List<?>) profile.get("certifications"));
        certs.add(Map.of("code", "ISO_9001", "number", "QMS-0091", "issuer", "HKQAA", "validUntil", "2031-06-30"));
        profile.put("certifications", certs);
        put("/api/v1/directory/companies/cmp-demo-supplier-2", tokens.sme2(), profile).expectStatus().isOk();

        problem(put("/api/v1/directory/admin/taxonomies/scorecardLevels/DIAMOND", tokens.admin(),
                Map.of("label", Map.of("en", "Diamond", "zhHant", "鑽石級"))).expectStatus().isEqualTo(HttpStatus.CONFLICT), "taxonomy-not-extendable");
        problem(put("/api/v1/directory/admin/taxonomies/locations/bad code", tokens.admin(),
                Map.of("label", Map.of("en", "X", "zhHant", "X"))).expectStatus().isBadRequest(), "validation");
        problem(get("/api/v1/directory/taxonomies/planets", null).expectStatus().isNotFound(), "not-found");
    }

    @Test
    void onlyAdminsScoreACompanyAndTheLevelFollowsTheThresholds() {
        Map<String, Object> score = Map.of("environmental", 90, "social", 88, "governance", 86);
        problem(put("/api/v1/directory/admin/companies/cmp-demo-partner/scorecard", tokens.sme(), score).expectStatus().isForbidden(), "forbidden");
        JsonNode scored = json(put("/api/v1/directory/admin/companies/cmp-demo-partner/scorecard", tokens.admin(), score).expectStatus().isOk());
        assertThat(scored.path("scorecard").path("overall").asInt()).isEqualTo(88);
        assertThat(scored.path("scorecard").path("level").asString()).isEqualTo("PLATINUM");
        problem(put("/api/v1/directory/admin/companies/cmp-demo-partner/scorecard", tokens.admin(),
                Map.of("environmental", 101, "social", 50, "governance", 50)).expectStatus().isBadRequest(), "validation");
    }

    // ------------------------------------------------------------------ helpers

    /** The company's current profile as a request body (read through the API as an admin). */
    Map<String, Object> profileOf(String id) {
        return ProfileBodies.editableProfile(json(get("/api/v1/directory/companies/" + id, tokens.admin()).expectStatus().isOk()));
    }

    WebTestClient.ResponseSpec get(String uri, String token) {
        return web.get().uri(uri).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).exchange();
    }

    WebTestClient.ResponseSpec post(String uri, String token, Object body) {
        return web.post().uri(uri).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec put(String uri, String token, Object body) {
        return web.put().uri(uri).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec adminPost(String uri, Object body) {
        return post(uri, tokens.admin(), body);
    }

    private static JsonNode withoutComputedAt(JsonNode profile) {
        JsonNode copy = profile.deepCopy();
        if (copy.path("benchmark") instanceof tools.jackson.databind.node.ObjectNode benchmark) {
            benchmark.remove("computedAt");
        }
        return copy;
    }
}
