package hk.esgone.esanalysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

import com.ibm.icu.text.Transliterator;

/**
 * {@code icu_transform}, as the official {@code analysis-icu} plugin defines it: an ICU transliterator by {@code id}
 * (default {@code Null}) and {@code dir} ({@code forward}, the default, or {@code reverse}). The directory uses
 * {@code Hans-Hant}, so that a query typed in Simplified Chinese finds names written in Traditional.
 */
final class IcuTransformTokenFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {

    private final Transliterator transliterator;

    IcuTransformTokenFilterFactory(String name, Settings settings) {
        super(name);
        String id = settings.get("id", "Null");
        int direction = "reverse".equals(settings.get("dir", "forward")) ? Transliterator.REVERSE : Transliterator.FORWARD;
        this.transliterator = Transliterator.getInstance(id, direction);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ICUTransformFilter(tokenStream, transliterator);
    }
}
