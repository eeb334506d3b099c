package hk.esgone.directory.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled load the demo directory on first start (ESG_DIRECTORY_DEMO_DATA, set by dev/stack)
 * @param count   companies to load, the fixed demo companies included (ESG_DIRECTORY_DEMO_COUNT)
 * @param seed    the generator's seed: same seed, same companies
 */
@ConfigurationProperties("esg.directory.demo")
public record DemoDataProperties(Boolean enabled, Integer count, Long seed) {

    public DemoDataProperties {
        enabled = enabled != null && enabled;
        count = count == null ? 2000 : Math.max(1, count);
        seed = seed == null ? 20_260_613L : seed;
    }
}
