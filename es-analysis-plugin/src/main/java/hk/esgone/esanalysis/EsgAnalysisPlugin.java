package hk.esgone.esanalysis;

import static org.elasticsearch.plugins.AnalysisPlugin.requiresAnalysisSettings;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.TrimFilter;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenizer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The analysis components the directory's index mapping uses that the {@code integ-test-zip} Elasticsearch distribution
 * lacks.
 *
 * <p><b>Development and tests only.</b> The integ-test-zip distribution (the real Elasticsearch node we can take from
 * Maven Central and run without Docker) ships without the {@code analysis-common} module, so names such as
 * {@code cjk_bigram} or {@code stemmer} are unknown to it. Production runs the official distribution (or image), where
 * {@code analysis-common} provides every one of these names; this plugin must never be installed there (two providers
 * of one name stop the node at start). It registers each component under exactly the name, with exactly the settings
 * (names, defaults, validation) and the pre-configured (unconfigured) variant, that {@code analysis-common} uses, so
 * the same index settings and mapping work, and analyse text the same way, in development, tests and production.
 *
 * <p>Only the names the 9.5.3 integ-test-zip really lacks are registered: {@code lowercase} (and the {@code standard},
 * {@code keyword}, {@code whitespace}, {@code simple} and {@code stop} analyzers) are in the server itself. Checked
 * with {@code GET /_analyze} against the bare node (see dev/lib/elasticsearch.sh). When the mapping starts using
 * another analysis-common name that the bare node lacks, add it here the same way.
 */
public class EsgAnalysisPlugin extends Plugin implements AnalysisPlugin {

    /** Configurable filters: {@code "type": "<name>"} plus settings in {@code index.analysis.filter}. */
    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> filters = new TreeMap<>();
        filters.put("asciifolding", (index, env, name, settings) -> new AsciiFoldingTokenFilterFactory(name, settings));
        filters.put("cjk_bigram", (index, env, name, settings) -> new CjkBigramTokenFilterFactory(name, settings));
        filters.put("cjk_width", (index, env, name, settings) -> Factories.normalizing(name, CJKWidthFilter::new));
        filters.put("edge_ngram", (index, env, name, settings) -> new EdgeNGramTokenFilterFactory(name, settings));
        filters.put("icu_transform", (index, env, name, settings) -> new IcuTransformTokenFilterFactory(name, settings));
        filters.put("porter_stem", (index, env, name, settings) -> Factories.filter(name, PorterStemFilter::new));
        filters.put("stemmer", (index, env, name, settings) -> new StemmerTokenFilterFactory(name, settings));
        filters.put("trim", (index, env, name, settings) -> Factories.trim(name, settings));
        // like analysis-common: "truncate" has no default length as a configured filter
        filters.put("truncate", requiresAnalysisSettings((index, env, name, settings) -> Factories.truncate(name, settings)));
        filters.put("unique", (index, env, name, settings) -> UniqueTokenFilter.factory(name, settings));
        filters.put("word_delimiter_graph", (index, env, name, settings) -> new WordDelimiterGraphTokenFilterFactory(env, name, settings));
        return filters;
    }

    /**
     * The same names used without settings ({@code "filter": ["cjk_bigram"]}): Elasticsearch builds these instances,
     * with analysis-common's defaults, which are not always the configurable filter's defaults ({@code edge_ngram}
     * gives 1-grams only, {@code truncate} cuts at 10 characters).
     */
    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(
            PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new),
            PreConfiguredTokenFilter.singleton("cjk_bigram", false, CJKBigramFilter::new),
            PreConfiguredTokenFilter.singleton("cjk_width", true, CJKWidthFilter::new),
            PreConfiguredTokenFilter.singleton("edge_ngram", false, false, in -> new EdgeNGramTokenFilter(in, 1)),
            PreConfiguredTokenFilter.singleton("porter_stem", false, PorterStemFilter::new),
            PreConfiguredTokenFilter.singleton("stemmer", false, PorterStemFilter::new),
            PreConfiguredTokenFilter.singleton("trim", true, TrimFilter::new),
            PreConfiguredTokenFilter.singleton("truncate", false, in -> TruncateTokenFilter.truncateAfterChars(in, 10)),
            PreConfiguredTokenFilter.singleton("unique", false, in -> new UniqueTokenFilter(in, false)),
            PreConfiguredTokenFilter.singleton("word_delimiter_graph", false, false, WordDelimiterGraphTokenFilterFactory::withDefaults)
        );
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("edge_ngram", (index, env, name, settings) -> new EdgeNGramTokenizerFactory(name, settings));
    }

    @Override
    public List<PreConfiguredTokenizer> getPreConfiguredTokenizers() {
        // analysis-common's default for indices created since 7.3: 1- and 2-grams
        return List.of(PreConfiguredTokenizer.singleton("edge_ngram", () -> new EdgeNGramTokenizer(1, 2)));
    }
}
