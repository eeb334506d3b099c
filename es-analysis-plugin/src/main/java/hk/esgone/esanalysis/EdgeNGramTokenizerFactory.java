package hk.esgone.esanalysis;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;

/**
 * {@code edge_ngram} tokenizer: {@code min_gram} (default 1), {@code max_gram} (default 2), {@code token_chars}
 * (letter, digit, whitespace, punctuation, symbol, custom, or a Java Unicode category name such as
 * {@code uppercase_letter}; default: every character) and {@code custom_token_chars} (for {@code custom}).
 */
final class EdgeNGramTokenizerFactory extends AbstractTokenizerFactory {

    private static final Map<String, IntPredicate> CLASSES = characterClasses();

    private final int minGram;
    private final int maxGram;
    private final IntPredicate tokenChars;

    EdgeNGramTokenizerFactory(String name, Settings settings) {
        super(name);
        minGram = settings.getAsInt("min_gram", NGramTokenizer.DEFAULT_MIN_NGRAM_SIZE);
        maxGram = settings.getAsInt("max_gram", NGramTokenizer.DEFAULT_MAX_NGRAM_SIZE);
        tokenChars = parseTokenChars(settings);
    }

    @Override
    public Tokenizer create() {
        if (tokenChars == null) {
            return new EdgeNGramTokenizer(minGram, maxGram);
        }
        return new EdgeNGramTokenizer(minGram, maxGram) {
            @Override
            protected boolean isTokenChar(int chr) {
                return tokenChars.test(chr);
            }
        };
    }

    /** null: every character belongs to a token. */
    static IntPredicate parseTokenChars(Settings settings) {
        List<String> classes = settings.getAsList("token_chars");
        if (classes == null || classes.isEmpty()) {
            return null;
        }
        IntPredicate result = c -> false;
        for (String raw : classes) {
            String name = raw.toLowerCase(Locale.ROOT).trim();
            IntPredicate matcher;
            if (name.equals("custom")) {
                String custom = settings.get("custom_token_chars");
                if (custom == null) {
                    throw new IllegalArgumentException("Token type: 'custom' requires setting `custom_token_chars`");
                }
                Set<Integer> codePoints = new HashSet<>();
                custom.codePoints().forEach(codePoints::add);
                matcher = codePoints::contains;
            } else {
                matcher = CLASSES.get(name);
                if (matcher == null) {
                    Set<String> known = new TreeSet<>(CLASSES.keySet());
                    known.add("custom");
                    throw new IllegalArgumentException("Unknown token type: '" + name + "', must be one of " + known);
                }
            }
            result = result.or(matcher);
        }
        return result;
    }

    private static Map<String, IntPredicate> characterClasses() {
        Map<String, IntPredicate> classes = new HashMap<>();
        // the Unicode general categories, by the names of java.lang.Character's constants
        for (Field field : Character.class.getFields()) {
            if (!field.getName().startsWith("DIRECTIONALITY") && Modifier.isStatic(field.getModifiers())
                && field.getType() == byte.class) {
                try {
                    byte category = field.getByte(null);
                    classes.put(field.getName().toLowerCase(Locale.ROOT), c -> Character.getType(c) == category);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        classes.put("letter", Character::isLetter);
        classes.put("digit", Character::isDigit);
        classes.put("whitespace", Character::isWhitespace);
        classes.put("punctuation", c -> switch (Character.getType(c)) {
            case Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.OTHER_PUNCTUATION,
                 Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                 Character.FINAL_QUOTE_PUNCTUATION -> true;
            default -> false;
        });
        classes.put("symbol", c -> switch (Character.getType(c)) {
            case Character.CURRENCY_SYMBOL, Character.MATH_SYMBOL, Character.OTHER_SYMBOL, Character.MODIFIER_SYMBOL -> true;
            default -> false;
        });
        return Map.copyOf(classes);
    }
}
