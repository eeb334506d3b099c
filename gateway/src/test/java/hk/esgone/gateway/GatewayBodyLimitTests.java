package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import reactor.core.publisher.Flux;

/** The body limit (256 KB here) holds for bodies sent in chunks, without a Content-Length. */
class GatewayBodyLimitTests extends AbstractGatewayTests {

    private static Flux<DataBuffer> chunks(int count, int size) {
        return Flux.range(0, count).map(i -> {
            byte[] chunk = new byte[size];
            java.util.Arrays.fill(chunk, (byte) 'x');
            return DefaultDataBufferFactory.sharedInstance.wrap(chunk);
        });
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413AndNeverReachesTheServiceWhole() {
        assertProblem(client.post().uri("/api/v1/offers/o-7/claims")
                        .header(HttpHeaders.AUTHORIZATION, bearer(smeToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(chunks(64, 8 * 1024), DataBuffer.class)
                        .exchange(),
                HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "/api/v1/offers/o-7/claims");

        assertThat(OFFERS.received()).as("the service got no complete request").isEmpty();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsForwardedWhole() {
        client.post().uri("/api/v1/offers/o-7/claims")
                .header(HttpHeaders.AUTHORIZATION, bearer(smeToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunks(4, 1024), DataBuffer.class)
                .exchange()
                .expectStatus().isOk();

        FakeUpstream.Received received = OFFERS.onlyRequest();
        assertThat(received.body()).hasSize(4096);
    }
}
