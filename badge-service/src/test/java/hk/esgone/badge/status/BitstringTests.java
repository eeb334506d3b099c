package hk.esgone.badge.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

class BitstringTests {

    @Test
    void encodesAsMultibaseBase64urlOfGzipWithBitZeroAsTheMostSignificantBit() throws Exception {
        Bitstring bits = new Bitstring(Bitstring.MIN_BITS);
        bits.set(0);
        bits.set(9);
        bits.set(131_071);

        String encoded = bits.encode();

        assertThat(encoded).startsWith("u").doesNotContain("=", "+", "/");
        byte[] raw = new GZIPInputStream(new java.io.ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1)))).readAllBytes();
        assertThat(raw).hasSize(16_384);
        assertThat(raw[0]).isEqualTo((byte) 0x80);
        assertThat(raw[1]).isEqualTo((byte) 0x40);
        assertThat(raw[16_383]).isEqualTo((byte) 0x01);
        assertThat(encoded.length()).as("a sparse list compresses well").isLessThan(200);
    }

    @Test
    void decodesWhatItEncodes() {
        Bitstring bits = new Bitstring(Bitstring.MIN_BITS * 2);
        bits.set(12_345);
        Bitstring decoded = Bitstring.decode(bits.encode(), 1 << 20);
        assertThat(decoded.size()).isEqualTo(262_144);
        assertThat(decoded.get(12_345)).isTrue();
        assertThat(decoded.get(12_344)).isFalse();
    }

    @Test
    void refusesListsBelowTheW3cMinimumAndOutOfRangeIndexes() throws Exception {
        assertThatThrownBy(() -> Bitstring.decode(gzip(new byte[1024]), 1 << 20)).hasMessageContaining("at least 131072");
        Bitstring bits = Bitstring.decode(new Bitstring(Bitstring.MIN_BITS).encode(), 1 << 20);
        assertThatThrownBy(() -> bits.get(Bitstring.MIN_BITS)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void refusesCompressionBombsAndGarbage() throws Exception {
        String bomb = gzip(new byte[64 * 1024 * 1024]);
        assertThatThrownBy(() -> Bitstring.decode(bomb, 2 * 1024 * 1024)).hasMessageContaining("decompresses to more than");
        assertThatThrownBy(() -> Bitstring.decode("zAAAA", 1 << 20)).hasMessageContaining("multibase");
        assertThatThrownBy(() -> Bitstring.decode("u!!!", 1 << 20)).hasMessageContaining("base64url");
        assertThatThrownBy(() -> Bitstring.decode("uAAAA", 1 << 20)).hasMessageContaining("GZIP");
    }

    private static String gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }
}
