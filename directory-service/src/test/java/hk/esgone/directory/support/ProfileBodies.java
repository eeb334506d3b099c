package hk.esgone.directory.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a company as the API shows it back into the profile body a member would PUT, every field kept. */
public final class ProfileBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProfileBodies() {
    }

    public static Map<String, Object> editableProfile(JsonNode c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", JSON.convertValue(c.path("name"), Map.class));
        body.put("description", JSON.convertValue(c.path("description"), Map.class));
        body.put("industry", c.path("industry").path("code").asString());
        body.put("sector", c.path("sector").isNull() ? null : c.path("sector").path("code").asString());
        body.put("locations", c.path("locations").findValuesAsString("code"));
        List<Map<String, Object>> certs = new ArrayList<>();
        for (JsonNode x : c.path("certifications")) {
            certs.add(Map.of("code", x.path("code").asString(), "number", x.path("number").asString(),
                    "issuer", x.path("issuer").asString(), "validUntil", x.path("validUntil").asString()));
        }
        body.put("certifications", certs);
        List<Map<String, Object>> solutions = new ArrayList<>();
        for (JsonNode s : c.path("solutions")) {
            solutions.add(Map.of("category", s.path("category").path("code").asString(), "title", JSON.convertValue(s.path("title"), Map.class)));
        }
        body.put("solutions", solutions);
        body.put("website", c.path("website").asString(null));
        body.put("contact", c.path("contact").isNull() ? null : JSON.convertValue(c.path("contact"), Map.class));
        body.put("logoUrl", c.path("logoUrl").asString(null));
        body.put("sizeBand", c.path("sizeBand").isNull() ? null : c.path("sizeBand").path("code").asString());
        return body;
    }
}
