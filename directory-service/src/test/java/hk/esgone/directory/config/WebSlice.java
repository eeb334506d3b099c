package hk.esgone.directory.config;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import hk.esgone.directory.support.TestTokens;
import hk.esgone.testsupport.jwt.TestTokenIssuer;

/**
 * The base of this service's {@code @WebFluxTest}s (with {@link WebSliceConfig}): tokens from one fake issuer,
 * which the platform's token validation trusts. The issuer lives as long as the test JVM.
 */
public abstract class WebSlice {

    protected static final TestTokenIssuer issuer = new TestTokenIssuer();
    protected static final TestTokens tokens = new TestTokens(issuer);

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
        registry.add("esg.security.issuer", issuer::issuer);
    }
}
