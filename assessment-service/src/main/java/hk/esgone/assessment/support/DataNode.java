package hk.esgone.assessment.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON node of a data file that knows where it is, so every validation message names the file and the path
 * ("hk-sme-v1.json: sections[0].topics[1].questions[2]: ..."). Reading the tree by hand rather than binding it lets
 * the loaders say exactly what is wrong.
 */
public final class DataNode {

    // A key written twice (two rules for "E01") would otherwise silently keep only the last one.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String file;
    private final String path;
    private final JsonNode node;

    private DataNode(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    public static DataNode parse(String file, InputStream in) {
        if (in == null) {
            throw new InvalidDataFileException(file + ": file not found");
        }
        try (in) {
            JsonNode root = MAPPER.readTree(in);
            if (root == null || !root.isObject()) {
                throw new InvalidDataFileException(file + ": the file must hold one JSON object");
            }
            return new DataNode(file, "", root);
        } catch (JacksonException e) {
            throw new InvalidDataFileException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DataNode parse(String file, String json) {
        return parse(file, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    public String path() {
        return path;
    }

    public InvalidDataFileException fail(String message) {
        return new InvalidDataFileException(file + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** Rejects fields the loader does not know, so a misspelt key ("zh-Hant") cannot be silently ignored. */
    public DataNode allowOnly(String... names) {
        Set<String> allowed = Set.of(names);
        Set<String> unknown = new TreeSet<>();
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw fail("unknown field(s) " + unknown + "; allowed: " + new TreeSet<>(Arrays.asList(names)));
        }
        return this;
    }

    public boolean has(String field) {
        JsonNode child = node.get(field);
        return child != null && !child.isNull();
    }

    public DataNode object(String field) {
        JsonNode child = required(field);
        if (!child.isObject()) {
            throw fail("\"" + field + "\" must be an object");
        }
        return new DataNode(file, childPath(field), child);
    }

    public Optional<DataNode> optionalObject(String field) {
        return has(field) ? Optional.of(object(field)) : Optional.empty();
    }

    public Set<String> fieldNames() {
        return new LinkedHashSet<>(node.propertyNames());
    }

    public String text(String field) {
        JsonNode child = required(field);
        if (!child.isString() || child.stringValue().isBlank()) {
            throw fail("\"" + field + "\" must be a non-empty string");
        }
        return child.stringValue();
    }

    public Optional<String> optionalText(String field) {
        return has(field) ? Optional.of(text(field)) : Optional.empty();
    }

    public int integer(String field) {
        JsonNode child = required(field);
        if (!child.isIntegralNumber() || !child.canConvertToInt()) {
            throw fail("\"" + field + "\" must be a whole number");
        }
        return child.intValue();
    }

    /** Decimals are written as strings ("0.39") so that no binary floating point ever touches them. */
    public BigDecimal decimal(String field) {
        String text = text(field);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw fail("\"" + field + "\" must be a decimal number written as a string, got \"" + text + "\"");
        }
    }

    public boolean bool(String field, boolean absent) {
        if (!has(field)) {
            return absent;
        }
        JsonNode child = node.get(field);
        if (!child.isBoolean()) {
            throw fail("\"" + field + "\" must be true or false");
        }
        return child.booleanValue();
    }

    public List<DataNode> objects(String field) {
        JsonNode child = required(field);
        if (!child.isArray()) {
            throw fail("\"" + field + "\" must be an array");
        }
        List<DataNode> items = new ArrayList<>();
        for (int i = 0; i < child.size(); i++) {
            JsonNode item = child.get(i);
            String itemPath = childPath(field) + "[" + i + "]";
            if (!item.isObject()) {
                throw new InvalidDataFileException(file + ": " + itemPath + ": must be an object");
            }
            items.add(new DataNode(file, itemPath, item));
        }
        return items;
    }

    /** An optional array of strings; absent means empty. */
    public List<String> texts(String field) {
        if (!has(field)) {
            return List.of();
        }
        JsonNode child = node.get(field);
        if (!child.isArray()) {
            throw fail("\"" + field + "\" must be an array of strings");
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < child.size(); i++) {
            JsonNode item = child.get(i);
            if (!item.isString() || item.stringValue().isBlank()) {
                throw fail("\"" + field + "\"[" + i + "] must be a non-empty string");
            }
            items.add(item.stringValue());
        }
        return List.copyOf(items);
    }

    /** Both languages are required: a question shown half in English to a Chinese reader is a bug. */
    public Bilingual bilingual(String field) {
        DataNode text = object(field).allowOnly("en", "zhHant");
        if (!text.has("en") || text.node.get("en").asString("").isBlank()) {
            throw fail("\"" + field + "\" is missing its English text (en)");
        }
        if (!text.has("zhHant") || text.node.get("zhHant").asString("").isBlank()) {
            throw fail("\"" + field + "\" is missing its Chinese text (zhHant)");
        }
        return new Bilingual(text.text("en"), text.text("zhHant"));
    }

    public Optional<Bilingual> optionalBilingual(String field) {
        return has(field) ? Optional.of(bilingual(field)) : Optional.empty();
    }

    private JsonNode required(String field) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            throw fail("\"" + field + "\" is missing");
        }
        return child;
    }

    private String childPath(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
