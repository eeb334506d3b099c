package hk.esgone.assessment.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import hk.esgone.assessment.plan.PlanBook;

@Configuration(proxyBeanMethods = false)
class PlanConfiguration {

    /** Loaded and checked at start, like the questionnaire and the emission factors. */
    @Bean
    PlanBook planBook() {
        return PlanBook.shipped();
    }
}
