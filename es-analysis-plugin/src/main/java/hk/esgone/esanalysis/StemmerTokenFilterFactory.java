package hk.esgone.esanalysis;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * {@code stemmer}: the language is read from {@code language}, else {@code name}, default {@code porter}; matched
 * ignoring case, with analysis-common's camelCase aliases. Only the English stemmers are provided here (the
 * directory's text is English and Traditional Chinese); any other language fails the index creation with a message
 * that says so, instead of silently analysing differently from production.
 */
final class StemmerTokenFilterFactory extends AbstractTokenFilterFactory {

    private static final Map<String, UnaryOperator<TokenStream>> ENGLISH = Map.ofEntries(
        Map.entry("english", PorterStemFilter::new),
        Map.entry("porter", PorterStemFilter::new),
        Map.entry("light_english", KStemFilter::new),
        Map.entry("lightenglish", KStemFilter::new),
        Map.entry("kstem", KStemFilter::new),
        Map.entry("minimal_english", EnglishMinimalStemFilter::new),
        Map.entry("minimalenglish", EnglishMinimalStemFilter::new),
        Map.entry("possessive_english", EnglishPossessiveFilter::new),
        Map.entry("possessiveenglish", EnglishPossessiveFilter::new),
        Map.entry("porter2", in -> new SnowballFilter(in, new EnglishStemmer()))
    );

    private final UnaryOperator<TokenStream> stemmer;

    StemmerTokenFilterFactory(String name, Settings settings) {
        super(name);
        String language = settings.get("language", settings.get("name", "porter"));
        stemmer = ENGLISH.get(language.toLowerCase(Locale.ROOT));
        if (stemmer == null) {
            throw new IllegalArgumentException("stemmer language [" + language + "] is not provided by the development "
                + "plugin esg-analysis (English only: " + String.join(", ", ENGLISH.keySet().stream().sorted().toList())
                + "); add it to es-analysis-plugin, as the official distribution's analysis-common has it");
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.apply(tokenStream);
    }
}
