package hk.esgone.esanalysis;

import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_ALL;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_NUMBERS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.CATENATE_WORDS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.GENERATE_WORD_PARTS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.IGNORE_KEYWORDS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.PRESERVE_ORIGINAL;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.SPLIT_ON_NUMERICS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/**
 * {@code word_delimiter_graph}: splits "Wi-Fi", "PowerShot", "SD500" into parts. The boolean settings and their
 * defaults are analysis-common's: generate_word_parts, generate_number_parts, split_on_case_change,
 * split_on_numerics, stem_english_possessive, adjust_offsets (true); catenate_words, catenate_numbers, catenate_all,
 * preserve_original, ignore_keywords (false); plus protected_words(_path) and type_table(_path).
 */
final class WordDelimiterGraphTokenFilterFactory extends AbstractTokenFilterFactory {

    private static final int DEFAULT_FLAGS = GENERATE_WORD_PARTS | GENERATE_NUMBER_PARTS | SPLIT_ON_CASE_CHANGE
        | SPLIT_ON_NUMERICS | STEM_ENGLISH_POSSESSIVE;
    // Lucene's character type bits (public only on the deprecated WordDelimiterFilter): ALPHA = LOWER | UPPER
    private static final byte LOWER = 1;
    private static final byte UPPER = 2;
    private static final byte DIGIT = 4;
    private static final byte SUBWORD_DELIM = 8;
    private static final Pattern TYPE_RULE = Pattern.compile("(.*)\\s*=>\\s*(.*)\\s*$");

    private final byte[] charTypeTable;
    private final int flags;
    private final CharArraySet protectedWords;
    private final boolean adjustOffsets;

    WordDelimiterGraphTokenFilterFactory(Environment env, String name, Settings settings) {
        super(name);
        List<String> typeTable = Analysis.getWordList(env, settings, "type_table");
        charTypeTable = typeTable == null ? WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE : parseTypes(typeTable);
        flags = flag(settings, "generate_word_parts", true, GENERATE_WORD_PARTS)
            | flag(settings, "generate_number_parts", true, GENERATE_NUMBER_PARTS)
            | flag(settings, "catenate_words", false, CATENATE_WORDS)
            | flag(settings, "catenate_numbers", false, CATENATE_NUMBERS)
            | flag(settings, "catenate_all", false, CATENATE_ALL)
            | flag(settings, "split_on_case_change", true, SPLIT_ON_CASE_CHANGE)
            | flag(settings, "preserve_original", false, PRESERVE_ORIGINAL)
            | flag(settings, "split_on_numerics", true, SPLIT_ON_NUMERICS)
            | flag(settings, "stem_english_possessive", true, STEM_ENGLISH_POSSESSIVE)
            | flag(settings, "ignore_keywords", false, IGNORE_KEYWORDS);
        CharArraySet words = Analysis.getWordSet(env, settings, "protected_words");
        protectedWords = words == null ? null : CharArraySet.copy(words);
        adjustOffsets = settings.getAsBoolean("adjust_offsets", true);
    }

    /** The pre-configured {@code word_delimiter_graph} (no settings). */
    static TokenStream withDefaults(TokenStream in) {
        return new WordDelimiterGraphFilter(in, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, DEFAULT_FLAGS, null);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new WordDelimiterGraphFilter(tokenStream, adjustOffsets, charTypeTable, flags, protectedWords);
    }

    @Override
    public TokenFilterFactory getSynonymFilter() {
        throw new IllegalArgumentException("Token filter [" + name() + "] cannot be used to parse synonyms");
    }

    private static int flag(Settings settings, String key, boolean defaultValue, int flag) {
        return settings.getAsBoolean(key, defaultValue) ? flag : 0;
    }

    /** Rules like {@code "$ => DIGIT"} or {@code "\\u200D => ALPHANUM"} into a character type table. */
    static byte[] parseTypes(List<String> rules) {
        Map<Character, Byte> types = new TreeMap<>();
        int size = WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE.length;
        for (String rule : rules) {
            Matcher m = TYPE_RULE.matcher(rule);
            if (!m.find()) {
                throw new IllegalArgumentException("Invalid Mapping Rule : [" + rule + "]");
            }
            String character = unescape(m.group(1).trim(), rule);
            if (character.length() != 1) {
                throw new IllegalArgumentException("Invalid Mapping Rule : [" + rule + "]. Only a single character is allowed.");
            }
            Byte type = switch (m.group(2).trim()) {
                case "LOWER" -> LOWER;
                case "UPPER" -> UPPER;
                case "ALPHA" -> (byte) WordDelimiterIterator.ALPHA;
                case "DIGIT" -> DIGIT;
                case "ALPHANUM" -> (byte) WordDelimiterIterator.ALPHANUM;
                case "SUBWORD_DELIM" -> SUBWORD_DELIM;
                default -> throw new IllegalArgumentException("Invalid Mapping Rule : [" + rule + "]. Illegal type.");
            };
            types.put(character.charAt(0), type);
            size = Math.max(size, character.charAt(0) + 1);
        }
        byte[] table = new byte[size];
        for (int i = 0; i < size; i++) {
            table[i] = WordDelimiterIterator.getType(i);
        }
        types.forEach((c, type) -> table[c] = type);
        return table;
    }

    private static String unescape(String s, String rule) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (++i >= s.length()) {
                    throw new IllegalArgumentException("Invalid escaped char in [" + rule + "]");
                }
                c = switch (s.charAt(i)) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'u' -> {
                        if (i + 4 >= s.length()) {
                            throw new IllegalArgumentException("Invalid escaped char in [" + rule + "]");
                        }
                        char decoded = (char) Integer.parseInt(s.substring(i + 1, i + 5), 16);
                        i += 4;
                        yield decoded;
                    }
                    default -> s.charAt(i);
                };
            }
            out.append(c);
        }
        return out.toString();
    }
}
