package hk.esgone.offers.config;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/** How request bodies are read (with the {@code spring.jackson} settings in application.yml). */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    /**
     * Wrong JSON types are errors, not guesses: no number or boolean read as text, no text read as a
     * number, no fraction read as a whole number (together with the settings in application.yml).
     */
    @Bean
    JsonMapperBuilderCustomizer strictJsonTypes() {
        return builder -> builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
