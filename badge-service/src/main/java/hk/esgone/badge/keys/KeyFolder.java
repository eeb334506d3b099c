package hk.esgone.badge.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.JWK;

/**
 * A folder of JWK files, one key per {@code *.json} file: a Kubernetes Secret mounted read-only works (its hidden
 * {@code ..data} entries are skipped). Keys written here are readable by the owner only and appear atomically.
 */
final class KeyFolder {

    /** A key and the file it came from (for error messages). */
    record KeyFile(JWK key, String source) {
    }

    private final Path dir;

    KeyFolder(Path dir) {
        this.dir = dir;
    }

    Path path() {
        return dir;
    }

    /** Whether new keys can be written here (a Secret mount cannot). */
    boolean isWritable() {
        return Files.isDirectory(dir) && Files.isWritable(dir);
    }

    /** The keys in the folder, in file name order; none when the folder does not exist. */
    List<KeyFile> read() {
        List<KeyFile> keys = new ArrayList<>();
        for (Path file : keyFiles()) {
            try {
                keys.add(new KeyFile(JWK.parse(Files.readString(file, StandardCharsets.UTF_8)), file.toString()));
            } catch (IOException | ParseException e) {
                throw new IllegalStateException("Key file " + file + " is not a JWK: " + e.getMessage());
            }
        }
        return keys;
    }

    /** Creates the folder (and its parents) if needed. */
    void create() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("No signing key found and the key folder " + dir + " cannot be created: " + e.getMessage());
        }
    }

    /** Writes {@code key} as {@code <kid>.json}: to a hidden temporary file first, then moved into place. */
    void write(JWK key) {
        Path file = dir.resolve(key.getKeyID() + ".json");
        try {
            Path tmp = dir.resolve("." + key.getKeyID() + ".tmp");
            Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's permissions apply
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AccessDeniedException e) {
            throw new IllegalStateException("The key folder " + dir + " is not writable");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the key file " + file + ": " + e.getMessage());
        }
    }

    private List<Path> keyFiles() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            // Kubernetes mounts a Secret as symlinks next to hidden ..data folders; those are skipped
            return files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the key folder " + dir + ": " + e.getMessage());
        }
    }
}
