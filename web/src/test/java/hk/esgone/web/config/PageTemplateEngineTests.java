package hk.esgone.web.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringWebFluxTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import reactor.core.publisher.Flux;

/** The portal's engine writes exactly the page Thymeleaf's own would, in one buffer. */
class PageTemplateEngineTests {

    private static final String TEMPLATE = """
            <!DOCTYPE html><html th:lang="${lang}"><body><h1 th:text="${name}">name</h1>
            <ol><li th:each="row : ${rows}" th:text="${row}">row</li></ol><p th:utext="${raw}">raw</p></body></html>""";

    private static final Map<String, Object> MODEL = Map.of(
            "lang", "zh-Hant",
            "name", "<script>綠色 & \"包裝\"</script> 😀",
            "raw", "<b>bold</b>",
            "rows", IntStream.range(0, 5_000).mapToObj(i -> "第 " + i + " 行 — row " + i).toList());

    @Test
    void aWholePageIsTheSameBytesAsThymeleafsOwnInOneBuffer() {
        List<DataBuffer> ours = render(engine(new PageTemplateEngine()), Integer.MAX_VALUE, StandardCharsets.UTF_8);
        List<DataBuffer> theirs = render(engine(new SpringWebFluxTemplateEngine()), Integer.MAX_VALUE, StandardCharsets.UTF_8);

        assertThat(ours).hasSize(1);
        byte[] bytes = bytes(ours);
        String page = new String(bytes, StandardCharsets.UTF_8);
        assertThat(bytes).isEqualTo(bytes(theirs));
        assertThat(page).contains("&lt;script&gt;綠色 &amp; &quot;包裝&quot;&lt;/script&gt; 😀", "<b>bold</b>",
                "<li>第 4999 行 — row 4999</li>", "lang=\"zh-Hant\"");
        assertThat(page.length()).isGreaterThan(100_000);
    }

    @Test
    void anotherCharsetIsHonoured() {
        Charset big5 = Charset.forName("Big5");

        byte[] ours = bytes(render(engine(new PageTemplateEngine()), Integer.MAX_VALUE, big5));

        assertThat(ours).isEqualTo(bytes(render(engine(new SpringWebFluxTemplateEngine()), Integer.MAX_VALUE, big5)));
        assertThat(new String(ours, big5)).contains("綠色");
    }

    @Test
    void aChunkSizeStillGivesThymeleafsChunks() {
        List<DataBuffer> chunks = render(engine(new PageTemplateEngine()), 8 * 1024, StandardCharsets.UTF_8);

        assertThat(chunks).hasSizeGreaterThan(10);
        assertThat(bytes(chunks)).isEqualTo(bytes(render(engine(new SpringWebFluxTemplateEngine()), Integer.MAX_VALUE,
                StandardCharsets.UTF_8)));
    }

    @Test
    void whatThymeleafRefusesIsStillRefused() {
        assertThatThrownBy(() -> render(engine(new PageTemplateEngine()), 0, StandardCharsets.UTF_8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Chunk Size");
        assertThatThrownBy(() -> Flux.from(engine(new PageTemplateEngine()).processStream(TEMPLATE, null,
                new Context(Locale.ENGLISH, MODEL), DefaultDataBufferFactory.sharedInstance, null, StandardCharsets.UTF_8,
                Integer.MAX_VALUE)).blockLast()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Media Type");
    }

    @Test
    void aTemplateThatFailsGivesAnErrorAndNoHalfPage() {
        SpringWebFluxTemplateEngine engine = engine(new PageTemplateEngine());
        Context context = new Context(Locale.ENGLISH, Map.of("rows", List.of(1, 2)));

        Flux<DataBuffer> page = Flux.from(engine.processStream("<p th:each=\"r : ${rows}\" th:text=\"${r.missing}\">x</p>",
                null, context, DefaultDataBufferFactory.sharedInstance, MediaType.TEXT_HTML, StandardCharsets.UTF_8,
                Integer.MAX_VALUE));

        assertThatThrownBy(() -> page.collectList().block()).isInstanceOf(TemplateProcessingException.class);
    }

    private static SpringWebFluxTemplateEngine engine(SpringWebFluxTemplateEngine engine) {
        engine.setTemplateResolver(new StringTemplateResolver());
        return engine;
    }

    private static List<DataBuffer> render(SpringWebFluxTemplateEngine engine, int chunkSize, Charset charset) {
        return Flux.from(engine.processStream(TEMPLATE, null, new Context(Locale.ENGLISH, MODEL),
                DefaultDataBufferFactory.sharedInstance, MediaType.TEXT_HTML, charset, chunkSize)).collectList().block();
    }

    private static byte[] bytes(List<DataBuffer> buffers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (DataBuffer buffer : buffers) {
            byte[] chunk = new byte[buffer.readableByteCount()];
            buffer.read(chunk);
            out.writeBytes(chunk);
            DataBufferUtils.release(buffer);
        }
        return out.toByteArray();
    }
}
