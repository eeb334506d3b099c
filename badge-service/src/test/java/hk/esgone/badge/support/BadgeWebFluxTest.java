package hk.esgone.badge.support;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.badge.config.SecurityConfig;
import hk.esgone.platform.PlatformAutoConfiguration;
import hk.esgone.platform.paging.CursorCodec;
import hk.esgone.testsupport.jwt.TestTokenIssuer;

/**
 * A web slice of the badge service: the controllers a subclass names in {@code @WebFluxTest(...)}, with the
 * service's security rules, platform's problem details and token validation (a fake Keycloak), and fakes of what
 * the controllers call. No database, no server: for what a controller decides on its own (validation, access,
 * status codes, the shape of its answers).
 */
@ImportAutoConfiguration(PlatformAutoConfiguration.class)
@Import({SecurityConfig.class, BadgeWebFluxTest.SharedBeans.class})
public abstract class BadgeWebFluxTest {

    protected static final TestTokenIssuer KEYCLOAK = new TestTokenIssuer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("esg.security.issuer", KEYCLOAK::issuer);
        registry.add("esg.badge.public-url", () -> "https://esg-one.test");
    }

    @Autowired
    protected WebTestClient web;

    protected static String admin() {
        return KEYCLOAK.tokenFor("admin-user", List.of("admin"));
    }

    protected static String sme(String companyId) {
        return KEYCLOAK.tokenFor("sme-of-" + companyId, List.of("sme"), companyId);
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BadgeProperties.class)
    static class SharedBeans {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        CursorCodec cursorCodec(Clock clock) {
            return new CursorCodec("web-slice-test-secret", Duration.ofHours(1), clock);
        }
    }
}
