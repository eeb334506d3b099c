package hk.esgone.directory.config;

import java.time.Duration;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;

import hk.esgone.directory.onboarding.CompanyOnboardingService;
import hk.esgone.directory.onboarding.KeycloakAdminProperties;
import hk.esgone.directory.onboarding.KeycloakOrganizationProvisioner;
import hk.esgone.directory.onboarding.OrganizationProvisioner;
import hk.esgone.platform.jobs.PeriodicJob;
import reactor.core.Disposable;

@Configuration(proxyBeanMethods = false)
class OnboardingConfig implements DisposableBean {

    private Disposable retries;

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(OrganizationProvisioner.class)
    KeycloakOrganizationProvisioner keycloakOrganizationProvisioner(KeycloakAdminProperties properties) {
        return new KeycloakOrganizationProvisioner(properties);
    }

    @EventListener(ContextRefreshedEvent.class)
    void startRetries(ContextRefreshedEvent event) {
        if (retries == null) {
            CompanyOnboardingService onboarding = event.getApplicationContext().getBean(CompanyOnboardingService.class);
            KeycloakAdminProperties properties = event.getApplicationContext().getBean(KeycloakAdminProperties.class);
            // a run tries up to 20 companies, each attempt bounded by the provisioner's own timeout
            retries = PeriodicJob.start("provisioning retry", properties.retryInterval(), properties.retryInterval(),
                    Duration.ofMinutes(30), onboarding::retryDueProvisioning);
        }
    }

    @Override
    public void destroy() {
        if (retries != null) {
            retries.dispose();
        }
    }
}
