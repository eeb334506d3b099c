package hk.esgone.offers.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import hk.esgone.testsupport.time.MutableClock;

/** A clock the tests move, and the fault hook of the claim protocol. */
@TestConfiguration(proxyBeanMethods = false)
public class OffersTestBeans {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    TestFaults testFaults() {
        return new TestFaults();
    }
}
