package hk.esgone.platform.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText} and {@link FreeText}; the message names the offending character and where it is. */
public abstract class TextRuleValidator<A extends java.lang.annotation.Annotation> implements ConstraintValidator<A, CharSequence> {

    private final TextRules.Kind kind;

    TextRuleValidator(TextRules.Kind kind) {
        this.kind = kind;
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        String why = TextRules.violation(value, kind);
        if (why == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // the reason is our own fixed text (no user input), so it is safe as a message template; braces escaped anyway
        context.buildConstraintViolationWithTemplate(why.replace("{", "\\{").replace("$", "\\$")).addConstraintViolation();
        return false;
    }

    public static final class Plain extends TextRuleValidator<PlainText> {
        public Plain() {
            super(TextRules.Kind.PLAIN);
        }
    }

    public static final class Free extends TextRuleValidator<FreeText> {
        public Free() {
            super(TextRules.Kind.FREE);
        }
    }
}
