package hk.esgone.directory.config;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import hk.esgone.directory.badges.CompanyBadgeHoldings;
import hk.esgone.directory.company.store.CompanyRepository;
import hk.esgone.directory.demo.DemoDataLoader;
import hk.esgone.directory.taxonomy.TaxonomyService;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Before the service takes traffic: MongoDB indexes, the taxonomy seed and cache. Then, in the
 * background, the demo data when it is switched on (the indexer picks it up as it arrives).
 */
@Component
class DirectoryStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectoryStartup.class);

    private final CompanyRepository companies;
    private final TaxonomyService taxonomies;
    private final CompanyBadgeHoldings badges;
    private final DemoDataLoader demo;

    DirectoryStartup(CompanyRepository companies, TaxonomyService taxonomies, CompanyBadgeHoldings badges, DemoDataLoader demo) {
        this.companies = companies;
        this.taxonomies = taxonomies;
        this.badges = badges;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Mono.when(companies.ensureIndexes(), badges.ensureIndexes(), taxonomies.seed())
                .then(taxonomies.refresh())
                .block(Duration.ofSeconds(60));
        demo.loadIfFirstStart()
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(n -> { }, e -> log.error("Loading the demo data failed", e));
    }
}
