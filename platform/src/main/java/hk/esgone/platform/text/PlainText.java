package hk.esgone.platform.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A single-line name, title or identifier: refuses control characters (line breaks and tabs included),
 * bidirectional controls, the byte-order mark, noncharacters and lone surrogates ({@link TextRules},
 * {@link TextRules.Kind#PLAIN}). {@code null} is valid (combine with {@code @NotBlank} where required).
 */
@Documented
@Constraint(validatedBy = TextRuleValidator.Plain.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must be plain single-line text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
