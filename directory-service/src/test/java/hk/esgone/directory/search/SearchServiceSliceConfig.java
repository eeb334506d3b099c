package hk.esgone.directory.search;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The search service with its request builder, for web slices (the index itself is a test double there). */
@TestConfiguration(proxyBeanMethods = false)
@Import({CompanySearchService.class, SearchRequestFactory.class, QueryHints.class})
@EnableConfigurationProperties(SearchProperties.class)
public class SearchServiceSliceConfig {
}
