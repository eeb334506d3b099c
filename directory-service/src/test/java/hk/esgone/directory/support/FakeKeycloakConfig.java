package hk.esgone.directory.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the Keycloak admin client with {@link FakeOrganizationProvisioner} in hermetic tests. */
@TestConfiguration(proxyBeanMethods = false)
public class FakeKeycloakConfig {

    @Bean
    @Primary
    FakeOrganizationProvisioner fakeOrganizationProvisioner() {
        return new FakeOrganizationProvisioner();
    }
}
