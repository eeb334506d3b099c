package hk.esgone.platform.text;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Registered with every application's JSON mapper by platform: each string read from a request body is
 * normalised to NFC, and one holding a lone surrogate (which JSON's {@code \ud800} escapes can carry, and
 * which MongoDB would store as U+FFFD) is refused as a 400 {@code validation} problem naming the field.
 * The finer rules for names and descriptions are {@link PlainText} and {@link FreeText}.
 */
public final class TextJacksonModule extends SimpleModule {

    public TextJacksonModule() {
        super("esg-text-rules");
        addDeserializer(String.class, new NormalizingStringDeserializer());
    }

    /** A string that breaks the rules every string follows; its path is the field the problem names. */
    public static final class InvalidTextException extends InvalidFormatException {

        private final String reason;

        InvalidTextException(JsonParser parser, String reason) {
            super(parser, "Refused text: " + reason, null, String.class);
            this.reason = reason;
        }

        /** Why the text was refused, safe to show (it names a code point and a position, never the text). */
        public String reason() {
            return reason;
        }
    }

    static final class NormalizingStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            String loneSurrogate = value == null ? null : TextRules.loneSurrogate(value);
            if (loneSurrogate != null) {
                throw new InvalidTextException(parser, loneSurrogate);
            }
            return TextRules.normalize(value);
        }
    }
}
