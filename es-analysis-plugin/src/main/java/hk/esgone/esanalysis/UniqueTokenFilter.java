package hk.esgone.esanalysis;

import java.io.IOException;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/**
 * {@code unique}: drops a token whose text was already seen in the stream, or with {@code only_on_same_position}
 * (default false) already seen at the same position. The positions of the dropped tokens carry over to the next kept
 * one, as analysis-common does for indices created by 8.15 and later.
 */
final class UniqueTokenFilter extends FilteringTokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute positionIncrement = addAttribute(PositionIncrementAttribute.class);
    private final CharArraySet seen = new CharArraySet(8, false);
    private final boolean onlyOnSamePosition;

    UniqueTokenFilter(TokenStream in, boolean onlyOnSamePosition) {
        super(in);
        this.onlyOnSamePosition = onlyOnSamePosition;
    }

    static TokenFilterFactory factory(String name, Settings settings) {
        boolean onlyOnSamePosition = settings.getAsBoolean("only_on_same_position", false);
        return Factories.filter(name, in -> new UniqueTokenFilter(in, onlyOnSamePosition));
    }

    @Override
    protected boolean accept() {
        if (onlyOnSamePosition && positionIncrement.getPositionIncrement() > 0) {
            seen.clear();
        }
        char[] text = term.buffer();
        int length = term.length();
        if (seen.contains(text, 0, length)) {
            return false;
        }
        char[] copy = new char[length];
        System.arraycopy(text, 0, copy, 0, length);
        seen.add(copy);
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        seen.clear();
    }
}
