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

    @Test
    void anEvidenceUploadOfFiveMegabytesPassesTheGatewayWhole() {
        // 5 MB of file in a multipart envelope: over the 256 KB default, within the upload path's 6 MB
        client.post().uri("/api/v1/assessments/asm-evidence1/evidence")
                .header(HttpHeaders.AUTHORIZATION, bearer(smeToken()))
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=b"))
                .body(chunks(5 * 16, 64 * 1024 + 16), DataBuffer.class)
                .exchange()
                .expectStatus().isOk();

        assertThat(ASSESSMENT.onlyRequest().body()).hasSize(5 * 16 * (64 * 1024 + 16));
    }

    @Test
    void anEvidenceUploadOfSevenMegabytesIsA413WithOrWithoutALength() {
        assertProblem(client.post().uri("/api/v1/assessments/asm-evidence1/evidence")
                        .header(HttpHeaders.AUTHORIZATION, bearer(smeToken()))
                        .contentType(MediaType.parseMediaType("multipart/form-data; boundary=b"))
                        .body(chunks(7 * 16, 64 * 1024), DataBuffer.class)
                        .exchange(),
                HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "/api/v1/assessments/asm-evidence1/evidence");
        assertProblem(client.post().uri("/api/v1/assessments/asm-evidence1/evidence")
                        .header(HttpHeaders.AUTHORIZATION, bearer(smeToken()))
                        .contentType(MediaType.parseMediaType("multipart/form-data; boundary=b"))
                        .bodyValue(new byte[7 * 1024 * 1024])
                        .exchange(),
                HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "/api/v1/assessments/asm-evidence1/evidence");

        assertThat(ASSESSMENT.received()).as("the service got no complete request")
                .noneMatch(r -> r.pathAndQuery().startsWith("/api/v1/assessments/asm-evidence1/evidence") && !r.body().isEmpty());
        // the larger limit is the upload's only: another assessment path keeps 256 KB
        assertProblem(client.put().uri("/api/v1/assessments/asm-evidence1/sharing")
                        .header(HttpHeaders.AUTHORIZATION, bearer(smeToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(chunks(5, 64 * 1024), DataBuffer.class)
                        .exchange(),
                HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "/api/v1/assessments/asm-evidence1/sharing");
    }
}
