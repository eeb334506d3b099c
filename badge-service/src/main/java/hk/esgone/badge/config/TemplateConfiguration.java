package hk.esgone.badge.config;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Templates named {@code *.svg} (the widget image) are XML templates: XML escaping, and characters XML does not
 * allow are dropped. Spring Boot's resolver serves every other template as HTML ({@code templates/**.html}).
 */
@Configuration(proxyBeanMethods = false)
class TemplateConfiguration {

    @Bean
    SpringResourceTemplateResolver svgTemplateResolver() {
        SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
        resolver.setPrefix("classpath:/templates/");
        resolver.setSuffix("");
        resolver.setResolvablePatterns(Set.of("*.svg"));
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        resolver.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return resolver;
    }
}
