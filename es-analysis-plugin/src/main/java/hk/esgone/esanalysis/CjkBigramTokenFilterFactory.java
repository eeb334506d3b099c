package hk.esgone.esanalysis;

import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.lucene.analysis.miscellaneous.DisableGraphAttribute;

/**
 * {@code cjk_bigram}: bigrams of Han, Hiragana, Katakana and Hangul runs (as typed by the standard tokenizer).
 * Settings: {@code ignored_scripts} (any of han, hiragana, katakana, hangul; those are left as unigrams) and
 * {@code output_unigrams} (default false: emit unigrams too).
 */
final class CjkBigramTokenFilterFactory extends AbstractTokenFilterFactory {

    private final int flags;
    private final boolean outputUnigrams;

    CjkBigramTokenFilterFactory(String name, Settings settings) {
        super(name);
        outputUnigrams = settings.getAsBoolean("output_unigrams", false);
        List<String> ignored = settings.getAsList("ignored_scripts", List.of());
        int scripts = 0;
        if (!ignored.contains("han")) {
            scripts |= CJKBigramFilter.HAN;
        }
        if (!ignored.contains("hiragana")) {
            scripts |= CJKBigramFilter.HIRAGANA;
        }
        if (!ignored.contains("katakana")) {
            scripts |= CJKBigramFilter.KATAKANA;
        }
        if (!ignored.contains("hangul")) {
            scripts |= CJKBigramFilter.HANGUL;
        }
        flags = scripts;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        CJKBigramFilter filter = new CJKBigramFilter(tokenStream, flags, outputUnigrams);
        if (outputUnigrams) {
            // unigrams and bigrams overlap in positions: a query-time graph over them would explode, so disable it
            filter.addAttribute(DisableGraphAttribute.class);
        }
        return filter;
    }
}
