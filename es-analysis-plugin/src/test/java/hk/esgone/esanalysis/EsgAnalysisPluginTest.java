package hk.esgone.esanalysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.junit.jupiter.api.Test;

/**
 * The configurable factories on plain Lucene token streams. The pre-configured variants need a running node's
 * analysis module: they are checked against a real node (dev/lib/elasticsearch.sh starts one) with {@code GET /_analyze}.
 */
class EsgAnalysisPluginTest {

    private final EsgAnalysisPlugin plugin = new EsgAnalysisPlugin();

    @Test
    void registersTheNamesTheIntegTestZipLacks() {
        Set<String> expected = new TreeSet<>(List.of("asciifolding", "cjk_bigram", "cjk_width", "edge_ngram", "porter_stem",
            "stemmer", "trim", "truncate", "unique", "word_delimiter_graph"));
        Set<String> configurable = new TreeSet<>(expected);
        // analysis-icu's name: configurable only (it needs an id), as in the official plugin
        configurable.add("icu_transform");
        assertEquals(configurable, plugin.getTokenFilters().keySet());
        assertEquals(expected, plugin.getPreConfiguredTokenFilters().stream().map(PreConfiguredTokenFilter::getName)
            .collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(Set.of("edge_ngram"), plugin.getTokenizers().keySet());
    }

    @Test
    void icuTransformTurnsSimplifiedChineseIntoTraditional() throws IOException {
        Settings hansToHant = Settings.builder().put("id", "Hans-Hant").build();
        // the standard tokenizer makes one token per Han character; each is turned into its Traditional form
        assertEquals(List.of("綠", "色", "包", "裝", "廣", "州"), terms("绿色包装 广州", filter("icu_transform", hansToHant)));
        assertEquals(List.of("綠", "色", "包", "裝"), terms("綠色包裝", filter("icu_transform", hansToHant)));
    }

    @Test
    void cjkBigramMakesOverlappingBigrams() throws IOException {
        assertEquals(List.of("綠色", "色包", "包裝"), terms("綠色包裝", filter("cjk_bigram", Settings.EMPTY)));
        assertEquals(List.of("綠", "綠色", "色", "色包", "包", "包裝", "裝"),
            terms("綠色包裝", filter("cjk_bigram", Settings.builder().put("output_unigrams", true).build())));
        assertEquals(List.of("綠", "色"),
            terms("綠色", filter("cjk_bigram", Settings.builder().putList("ignored_scripts", "han").build())));
    }

    @Test
    void cjkWidthFoldsFullWidthLatin() throws IOException {
        assertEquals(List.of("ESG"), terms("ＥＳＧ", filter("cjk_width", Settings.EMPTY)));
    }

    @Test
    void stemmerLanguages() throws IOException {
        assertEquals(List.of("recycl", "compani"), terms("recycling companies", stemmer("english")));
        assertEquals(List.of("recycle", "company"), terms("recycling companies", stemmer("light_english")));
        assertEquals(List.of("recycling", "company"), terms("recycling companies", stemmer("minimal_english")));
        assertEquals(List.of("company"), terms("company's", stemmer("possessive_english")));
        assertEquals(List.of("recycl"), terms("recycling", filter("stemmer", Settings.EMPTY)));
        assertEquals(List.of("recycl"),
            terms("recycling", filter("stemmer", Settings.builder().put("name", "lightEnglish").put("language", "porter").build())));
        assertThrows(IllegalArgumentException.class, () -> stemmer("klingon"));
        assertEquals(List.of("recycl"), terms("recycling", filter("porter_stem", Settings.EMPTY)));
    }

    @Test
    void asciiFoldingCanKeepTheOriginal() throws IOException {
        assertEquals(List.of("cafe"), terms("café", filter("asciifolding", Settings.EMPTY)));
        assertEquals(List.of("cafe", "café"),
            terms("café", filter("asciifolding", Settings.builder().put("preserve_original", true).build())));
    }

    @Test
    void edgeNGrams() throws IOException {
        Settings settings = Settings.builder().put("min_gram", 2).put("max_gram", 4).build();
        assertEquals(List.of("so", "sol", "sola"), terms("solar", filter("edge_ngram", settings)));
        assertEquals(List.of("ar", "lar", "olar"),
            terms("solar", filter("edge_ngram", Settings.builder().put(settings).put("side", "back").build())));

        Tokenizer tokenizer = plugin.getTokenizers().get("edge_ngram")
            .get(null, null, "t", Settings.builder().put("max_gram", 3).putList("token_chars", "letter", "digit").build())
            .create();
        assertEquals(List.of("E", "ES", "ESG", "O", "On", "One"), terms(tokenizer, "ESG-One", Function.identity()));
        Tokenizer custom = plugin.getTokenizers().get("edge_ngram")
            .get(null, null, "t", Settings.builder().put("max_gram", 9).putList("token_chars", "letter", "custom")
                .put("custom_token_chars", "-").build())
            .create();
        assertEquals(List.of("E", "ES", "ESG", "ESG-", "ESG-O", "ESG-On", "ESG-One"), terms(custom, "ESG-One", Function.identity()));
    }

    @Test
    void uniqueKeepsPositions() throws IOException {
        TokenFilterFactory edge = filter("edge_ngram", Settings.EMPTY);
        TokenFilterFactory unique = filter("unique", Settings.EMPTY);
        List<String> out = positions("los angeles leadership academy", ts -> unique.create(edge.create(ts)));
        assertEquals(List.of("l@0", "lo@0", "a@1", "an@1", "le@2", "ac@3"), out);
        TokenFilterFactory samePosition = filter("unique", Settings.builder().put("only_on_same_position", true).build());
        assertEquals(List.of("the@0", "the@1"), positions("the the", samePosition::create));
    }

    @Test
    void wordDelimiterGraph() throws IOException {
        assertEquals(List.of("Wi", "Fi", "Power", "Shot", "SD", "500"),
            terms(new WhitespaceTokenizer(), "Wi-Fi PowerShot SD500", filter("word_delimiter_graph", Settings.EMPTY)::create));
        Settings catenate = Settings.builder().put("catenate_words", true).put("preserve_original", true).build();
        List<String> tokens = terms(new WhitespaceTokenizer(), "Wi-Fi", filter("word_delimiter_graph", catenate)::create);
        assertTrue(tokens.containsAll(List.of("Wi-Fi", "WiFi", "Wi", "Fi")), tokens.toString());
        Settings typeTable = Settings.builder().putList("type_table", "- => ALPHA", "\\u002E => DIGIT").build();
        assertEquals(List.of("Wi-Fi", "1.5"),
            terms(new WhitespaceTokenizer(), "Wi-Fi 1.5", filter("word_delimiter_graph", typeTable)::create));
    }

    @Test
    void trimAndTruncate() throws IOException {
        assertEquals(List.of("abc"), terms(new KeywordTokenizer(), "  abc ",
            filter("trim", Settings.EMPTY)::create));
        assertEquals(List.of("sustai"),
            terms("sustainability", filter("truncate", Settings.builder().put("length", 6).build())));
        assertTrue(plugin.getTokenFilters().get("truncate").requiresAnalysisSettings());
        assertThrows(IllegalArgumentException.class, () -> filter("truncate", Settings.EMPTY));
    }

    private TokenFilterFactory filter(String name, Settings settings) throws IOException {
        return plugin.getTokenFilters().get(name).get(null, null, name, settings);
    }

    private TokenFilterFactory stemmer(String language) throws IOException {
        return filter("stemmer", Settings.builder().put("language", language).build());
    }

    private static List<String> terms(String text, TokenFilterFactory filter) throws IOException {
        return terms(new StandardTokenizer(), text, filter::create);
    }

    private static List<String> terms(String text, Function<TokenStream, TokenStream> chain) throws IOException {
        return terms(new StandardTokenizer(), text, chain);
    }

    private static List<String> terms(Tokenizer tokenizer, String text, Function<TokenStream, TokenStream> chain)
        throws IOException {
        List<String> out = new ArrayList<>();
        tokenizer.setReader(new StringReader(text));
        try (TokenStream ts = chain.apply(tokenizer)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    private static List<String> positions(String text, Function<TokenStream, TokenStream> chain) throws IOException {
        List<String> out = new ArrayList<>();
        Tokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(new StringReader(text));
        try (TokenStream ts = chain.apply(tokenizer)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                out.add(term + "@" + position);
            }
            ts.end();
        }
        return out;
    }
}
