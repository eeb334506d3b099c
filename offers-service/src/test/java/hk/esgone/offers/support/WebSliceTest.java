package hk.esgone.offers.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.testsupport.jwt.TestTokenIssuer;

/**
 * What the web slice tests share: tokens of a fake issuer the service's security accepts, and problem types.
 * A slice is {@code @WebFluxTest} of some controllers with {@code @ImportAutoConfiguration(PlatformAutoConfiguration.class)}
 * and {@code @Import({SecurityConfig.class, JsonConfiguration.class})}, so requests are read, checked and refused as in production.
 */
public abstract class WebSliceTest {

    private static final TestTokenIssuer ISSUER = new TestTokenIssuer();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("esg.security.issuer", ISSUER::issuer);
    }

    /** A token of a user with one role, acting for {@code companyId} (none when null). */
    protected static String token(String role, String companyId) {
        TestTokenIssuer.Builder token = ISSUER.token().subject(role + "-user").roles(List.of(role)).expiresAt(Instant.now().plus(Duration.ofHours(1)));
        return (companyId == null ? token : token.organizations(companyId)).sign();
    }

    protected static String type(String kind) {
        return ApiProblem.TYPE_BASE + kind;
    }
}
