package hk.esgone.assessment.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import hk.esgone.assessment.catalogue.SeedQuestionnaire;

@Configuration(proxyBeanMethods = false)
class AssessmentConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SeedQuestionnaire seedQuestionnaire(AssessmentProperties properties) {
        return SeedQuestionnaire.fromClasspath(properties.seedQuestionnaire());
    }
}
