package hk.esgone.esanalysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/**
 * {@code edge_ngram} token filter: prefixes of each token, {@code min_gram} (default 1) to {@code max_gram} (default 2)
 * long; {@code preserve_original} (default false); the deprecated {@code side} (front, back).
 */
final class EdgeNGramTokenFilterFactory extends AbstractTokenFilterFactory {

    private final int minGram;
    private final int maxGram;
    private final boolean back;
    private final boolean preserveOriginal;

    EdgeNGramTokenFilterFactory(String name, Settings settings) {
        super(name);
        minGram = settings.getAsInt("min_gram", 1);
        maxGram = settings.getAsInt("max_gram", 2);
        preserveOriginal = settings.getAsBoolean("preserve_original", false);
        back = switch (settings.get("side", "front")) {
            case "front" -> false;
            case "back" -> true;
            default -> throw new IllegalArgumentException("invalid side: " + settings.get("side"));
        };
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        // side=back: the suffixes, as reversed prefixes of the reversed token
        TokenStream result = back ? new ReverseStringFilter(tokenStream) : tokenStream;
        result = new EdgeNGramTokenFilter(result, minGram, maxGram, preserveOriginal);
        return back ? new ReverseStringFilter(result) : result;
    }

    @Override
    public boolean breaksFastVectorHighlighter() {
        return true;
    }

    @Override
    public TokenFilterFactory getSynonymFilter() {
        throw new IllegalArgumentException("Token filter [" + name() + "] cannot be used to parse synonyms");
    }
}
