package hk.esgone.directory.config;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import hk.esgone.directory.taxonomy.SeededTaxonomies;
import hk.esgone.directory.taxonomy.TaxonomyService;
import hk.esgone.platform.PlatformAutoConfiguration;

/**
 * What a {@code @WebFluxTest} of this service needs around its controllers: the service's security rules and
 * clock, the platform's problem details, request size limit and token validation (issuer from
 * {@code esg.security.issuer}), and the seed taxonomies in memory.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfig.class, DirectoryConfig.class})
@ImportAutoConfiguration(PlatformAutoConfiguration.class)
public class WebSliceConfig {

    @Bean
    TaxonomyService taxonomyService() {
        return SeededTaxonomies.service();
    }
}
