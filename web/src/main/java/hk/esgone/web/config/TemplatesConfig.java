package hk.esgone.web.config;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.dialect.IDialect;
import org.thymeleaf.spring6.SpringWebFluxTemplateEngine;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;

/**
 * Thymeleaf as Spring Boot sets it up, but without handing every page the session: Thymeleaf's Spring dialect adds
 * the session to each page's model, which makes WebFlux resolve it before rendering and so creates an empty
 * session for every anonymous visitor (on a worker thread, handing the page on to another). No template reads the
 * session; what a page shows of the signed-in person comes from {@code PageModel}.
 */
@Configuration(proxyBeanMethods = false)
class TemplatesConfig {

    @Bean
    static BeanPostProcessor templatesWithoutTheSession() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof SpringWebFluxTemplateEngine engine) {
                    SpringStandardDialect withoutSession = new WithoutSession();
                    withoutSession.setEnableSpringELCompiler(engine.getEnableSpringELCompiler());
                    withoutSession.setRenderHiddenMarkersBeforeCheckboxes(engine.getRenderHiddenMarkersBeforeCheckboxes());
                    Set<IDialect> others = new LinkedHashSet<>(engine.getDialects());
                    others.removeIf(SpringStandardDialect.class::isInstance);
                    engine.setDialect(withoutSession);
                    others.forEach(engine::addDialect);
                }
                return bean;
            }
        };
    }

    static final class WithoutSession extends SpringStandardDialect {

        @Override
        public Map<String, Object> getExecutionAttributes() {
            Map<String, Object> attributes = new HashMap<>(super.getExecutionAttributes());
            attributes.keySet().removeIf(key -> key.endsWith("thymeleafWebSession"));
            return attributes;
        }
    }
}
