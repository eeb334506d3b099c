package hk.esgone.badge.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The W3C Bitstring Status List bitstring: bit 0 is the most significant bit of the first byte; the
 * {@code encodedList} is the multibase ({@code u} prefix) base64url, unpadded, of the GZIP-compressed bits.
 */
public final class Bitstring {

    /** The W3C minimum: 16 KiB, i.e. 131,072 entries. */
    public static final int MIN_BITS = 131_072;

    private final byte[] bytes;

    public Bitstring(int bits) {
        if (bits <= 0 || bits % 8 != 0) {
            throw new IllegalArgumentException("size must be a positive multiple of 8");
        }
        this.bytes = new byte[bits / 8];
    }

    private Bitstring(byte[] bytes) {
        this.bytes = bytes;
    }

    public int size() {
        return bytes.length * 8;
    }

    public void set(int index) {
        check(index);
        bytes[index >>> 3] |= (byte) (0x80 >>> (index & 7));
    }

    public boolean get(int index) {
        check(index);
        return (bytes[index >>> 3] & (0x80 >>> (index & 7))) != 0;
    }

    private void check(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("status index " + index + " is outside a list of " + size() + " entries");
        }
    }

    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /**
     * Decodes an {@code encodedList}, refusing anything that decompresses to more than {@code maxBytes} (a
     * compression bomb) or to less than the W3C minimum.
     */
    public static Bitstring decode(String encodedList, int maxBytes) {
        if (encodedList == null || encodedList.length() < 2 || encodedList.charAt(0) != 'u') {
            throw new IllegalArgumentException("encodedList is not multibase base64url (it must start with 'u')");
        }
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(encodedList.substring(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encodedList is not valid base64url");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(MIN_BITS / 8);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > maxBytes) {
                    throw new IllegalArgumentException("encodedList decompresses to more than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP data");
        }
        if (out.size() * 8L < MIN_BITS) {
            throw new IllegalArgumentException("the status list has " + out.size() * 8L + " entries; at least " + MIN_BITS
                    + " are required");
        }
        return new Bitstring(out.toByteArray());
    }
}
