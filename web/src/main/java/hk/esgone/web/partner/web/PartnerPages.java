package hk.esgone.web.partner.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.support.PageModel;
import reactor.core.publisher.Mono;

/** What the partner pages share: only a partner's members see them, offer ids as the service spells them, uploaded files read safely. */
final class PartnerPages {

    /** The largest file the pages take (about 10,000 codes, offers-service's limit per upload). */
    static final int MAX_FILE_BYTES = 200 * 1024;
    static final String MAX_FILE_TEXT = "200 KB";
    static final Pattern STATUS = Pattern.compile("ACTIVE|REDEEMED|CANCELLED|EXPIRED");

    private PartnerPages() {
    }

    /**
     * Only for a partner's members: anyone else gets the friendly 403 page before any service is asked (offers-service
     * refuses them too; this only spares them a page of refusals).
     */
    static Mono<Void> partnerOnly(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .map(p -> PageModel.account((OAuth2AuthenticationToken) p))
                .filter(account -> account.has("partner"))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "partners only")))
                .then();
    }

    /** An id that cannot be an offer is no offer at all: the 404 page without asking the service. */
    static Mono<Void> offerId(String id) {
        return Ids.OFFER.isValid(id) ? Mono.empty() : Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no such offer"));
    }

    /** A plain field of a multipart form (the offer chosen beside a file), or null. */
    static String field(Part part) {
        return part instanceof org.springframework.http.codec.multipart.FormFieldPart field ? field.value() : null;
    }

    /** An uploaded file's text, or why it cannot be used (a key of the page's messages). */
    record Upload(String text, String problem) {

        static Upload refused(String problem) {
            return new Upload(null, problem);
        }
    }

    /**
     * The text of the file in form field {@code name}: UTF-8 (a BOM is left for the service, which skips it), at most
     * {@link #MAX_FILE_BYTES}; no file, an empty one, a larger one or one that is not text is named as such.
     */
    static Mono<Upload> readFile(Part part) {
        if (!(part instanceof FilePart file) || file.filename().isBlank()) {
            return Mono.just(Upload.refused("no-file"));
        }
        return DataBufferUtils.join(file.content(), MAX_FILE_BYTES)
                .map(buffer -> {
                    try {
                        ByteBuffer bytes = ByteBuffer.allocate(buffer.readableByteCount());
                        buffer.toByteBuffer(bytes);
                        return text(bytes);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(Upload.refused("empty-file"))
                .onErrorResume(DataBufferLimitException.class, e -> Mono.just(Upload.refused("too-large")));
    }

    private static Upload text(ByteBuffer bytes) {
        if (!bytes.hasRemaining()) {
            return Upload.refused("empty-file");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return Upload.refused("not-text");
        }
        // a NUL or other control character (other than tab and line breaks) means a spreadsheet or an image, not a CSV
        boolean binary = text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
        if (binary) {
            return Upload.refused("not-text");
        }
        return text.isBlank() ? Upload.refused("empty-file") : new Upload(text, null);
    }
}
