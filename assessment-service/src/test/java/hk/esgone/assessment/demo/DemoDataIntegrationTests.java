package hk.esgone.assessment.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.testsupport.jwt.TestTokenIssuer;
import hk.esgone.testsupport.mongo.TestMongo;
import hk.esgone.testsupport.web.TestWebClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** With demo data on, the demo SME company finds a submitted assessment for last year with its scorecard. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoDataIntegrationTests {

    static final TestTokenIssuer KEYCLOAK = new TestTokenIssuer();
    static final String DATABASE = "assessment-demo-" + System.nanoTime();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("esg.security.issuer", KEYCLOAK::issuer);
        registry.add("spring.mongodb.uri", () -> TestMongo.uri(DATABASE));
        registry.add("spring.mongodb.database", () -> DATABASE);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("esg.assessment.demo-data", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    DemoData demoData;

    @Test
    void theDemoSupplierHasASubmittedAssessmentForLastYearAndSeedingAgainAddsNothing() {
        WebTestClient web = TestWebClients.unpooled(port);
        String token = KEYCLOAK.tokenFor("sme-demo", List.of("sme"), DemoData.DEMO_SUPPLIER);
        demoData.seed();

        JsonNode list = JSON.readTree(web.get().uri("/api/v1/assessments?companyId=" + DemoData.DEMO_SUPPLIER)
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(list.path("items")).hasSize(1);
        JsonNode assessment = list.path("items").get(0);
        assertThat(assessment.path("year").asInt()).isEqualTo(Year.now().getValue() - 1);
        assertThat(assessment.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(assessment.path("progress").path("answered").asInt()).isEqualTo(assessment.path("progress").path("applicable").asInt());

        JsonNode scorecard = JSON.readTree(web.get().uri("/api/v1/assessments/" + assessment.path("id").asText() + "/scorecard")
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(scorecard.path("scorecard").isObject()).isTrue();
    }
}
