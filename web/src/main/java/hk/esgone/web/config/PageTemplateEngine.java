package hk.esgone.web.config;

import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.MediaType;
import org.thymeleaf.context.IContext;
import org.thymeleaf.spring6.SpringWebFluxTemplateEngine;
import org.thymeleaf.spring6.context.webflux.IReactiveDataDriverContextVariable;

import reactor.core.publisher.Mono;

/**
 * Thymeleaf's WebFlux engine, rendering a whole page (no chunk size, no data-driver variable: every page here) into
 * one string that is encoded once, instead of writing each of a page's thousands of pieces through an
 * {@code OutputStreamWriter} into a buffer that grows as it goes. Chunked, data-driven and event-stream rendering stay
 * Thymeleaf's own.
 */
final class PageTemplateEngine extends SpringWebFluxTemplateEngine {

    /** The first size of a page's text; the search page is about 23,000 characters. */
    private static final int FIRST_CAPACITY = 16 * 1024;

    @Override
    public Publisher<DataBuffer> processStream(String template, Set<String> markupSelectors, IContext context,
                                               DataBufferFactory bufferFactory, MediaType mediaType, Charset charset,
                                               int responseMaxChunkSizeBytes) {
        boolean whole = responseMaxChunkSizeBytes < 0 || responseMaxChunkSizeBytes == Integer.MAX_VALUE;
        if (!whole || template == null || context == null || bufferFactory == null || mediaType == null || charset == null
                || MediaType.TEXT_EVENT_STREAM.includes(mediaType) || drivenByData(context)) {
            // Thymeleaf's own: chunks, data-driven and event streams, and its errors for what is missing
            return super.processStream(template, markupSelectors, context, bufferFactory, mediaType, charset,
                    responseMaxChunkSizeBytes);
        }
        return Mono.fromCallable(() -> {
            TextWriter page = new TextWriter();
            process(template, markupSelectors, context, page);
            return bufferFactory.wrap(page.text.toString().getBytes(charset));
        });
    }

    private static boolean drivenByData(IContext context) {
        for (String name : context.getVariableNames()) {
            if (context.getVariable(name) instanceof IReactiveDataDriverContextVariable) {
                return true;
            }
        }
        return false;
    }

    /** A writer into a {@link StringBuilder}: no lock, no encoding until the page is whole. */
    private static final class TextWriter extends Writer {

        private final StringBuilder text = new StringBuilder(FIRST_CAPACITY);

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string) {
            text.append(string);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public Writer append(@Nullable CharSequence chars) {
            text.append(chars);
            return this;
        }

        @Override
        public void flush() {
            // nothing is buffered elsewhere
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
