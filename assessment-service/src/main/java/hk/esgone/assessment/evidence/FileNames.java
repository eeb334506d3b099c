package hk.esgone.assessment.evidence;

/**
 * A file name as an uploader's browser sent it, made safe to store and to send back in a header: its last path
 * segment only, without control, format (bidirectional, zero-width) or unpaired surrogate characters, at most
 * {@value #MAX_LENGTH} characters (a surrogate pair is never cut).
 */
final class FileNames {

    static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    /** The cleaned name; {@code fallback} when nothing is left of it. */
    static String clean(String name, String fallback) {
        if (name == null) {
            return fallback;
        }
        String last = name;
        int slash = Math.max(last.lastIndexOf('/'), last.lastIndexOf('\\'));
        if (slash >= 0) {
            last = last.substring(slash + 1);
        }
        StringBuilder kept = new StringBuilder();
        last.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean dropped = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || cp == '"';
            if (!dropped) {
                kept.appendCodePoint(cp);
            }
        });
        String cleaned = kept.toString().strip();
        if (cleaned.length() > MAX_LENGTH) {
            int end = MAX_LENGTH;
            if (Character.isLowSurrogate(cleaned.charAt(end)) && Character.isHighSurrogate(cleaned.charAt(end - 1))) {
                end--;
            }
            cleaned = cleaned.substring(0, end).strip();
        }
        return cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..") ? fallback : cleaned;
    }
}
