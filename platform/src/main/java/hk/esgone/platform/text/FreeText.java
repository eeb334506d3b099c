package hk.esgone.platform.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Free text such as a description: line breaks and tabs allowed; refuses other control characters,
 * bidirectional controls, the byte-order mark, noncharacters and lone surrogates ({@link TextRules},
 * {@link TextRules.Kind#FREE}). {@code null} is valid (combine with {@code @NotBlank} where required).
 */
@Documented
@Constraint(validatedBy = TextRuleValidator.Free.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {

    String message() default "must be text without control or invisible formatting characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
