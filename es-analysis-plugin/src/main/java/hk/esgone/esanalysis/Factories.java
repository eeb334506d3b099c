package hk.esgone.esanalysis;

import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.TrimFilter;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/** The filters without settings of their own, or with one. */
final class Factories {

    private Factories() {}

    static TokenFilterFactory filter(String name, UnaryOperator<TokenStream> filter) {
        return new AbstractTokenFilterFactory(name) {
            @Override
            public TokenStream create(TokenStream tokenStream) {
                return filter.apply(tokenStream);
            }
        };
    }

    /** A filter that also applies to keyword normalizers and multi-term queries (wildcard, prefix, ...). */
    static TokenFilterFactory normalizing(String name, UnaryOperator<TokenStream> filter) {
        class Normalizing extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
            Normalizing() {
                super(name);
            }

            @Override
            public TokenStream create(TokenStream tokenStream) {
                return filter.apply(tokenStream);
            }
        }
        return new Normalizing();
    }

    static TokenFilterFactory trim(String name, Settings settings) {
        if (settings.get("update_offsets") != null) {
            throw new IllegalArgumentException("update_offsets is not supported anymore. Please fix your analysis chain");
        }
        return normalizing(name, TrimFilter::new);
    }

    static TokenFilterFactory truncate(String name, Settings settings) {
        int length = settings.getAsInt("length", -1);
        if (length <= 0) {
            throw new IllegalArgumentException("length parameter must be provided");
        }
        return filter(name, in -> TruncateTokenFilter.truncateAfterChars(in, length));
    }
}
