package hk.esgone.gateway.apidocs;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document names the address it was asked on (a service-internal one behind the
 * gateway); served by the gateway, its {@code servers} become the gateway itself ({@code /}, relative to
 * the document), so a viewer's "try it out" goes through the gateway like every other call. Anything that
 * is not an OpenAPI document (a problem from a failing service, say) passes unchanged.
 */
public final class GatewayServers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GatewayServers() {
    }

    public static String rewrite(String document) {
        if (document == null || document.isBlank()) {
            return document;
        }
        try {
            JsonNode root = JSON.readTree(document);
            if (!(root instanceof ObjectNode object) || !object.has("openapi")) {
                return document;
            }
            ArrayNode servers = object.putArray("servers");
            servers.addObject().put("url", "/").put("description", "ESG One gateway");
            return JSON.writeValueAsString(object);
        } catch (JacksonException e) {
            return document;
        }
    }
}
