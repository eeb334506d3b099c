package hk.esgone.testsupport.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

import hk.esgone.testsupport.DockerEngine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real Keycloak the integration tests talk to, with the {@code esg-one} realm of
 * {@code devstack/keycloak/esg-one-realm.json} (demo users, organizations, clients).
 * <ol>
 * <li>{@code KEYCLOAK_URL} when set (for example {@code http://localhost:18180}, started by
 * {@code ./dev/test} from the Quarkus distribution);</li>
 * <li>otherwise, when a Docker engine is reachable, one {@code quay.io/keycloak/keycloak} container per
 * test JVM ({@code start-dev --import-realm});</li>
 * <li>otherwise it fails: there is no in-process Keycloak.</li>
 * </ol>
 * Issuer rule: Keycloak puts the address it was called by into {@code iss} unless started with one
 * {@code --hostname} ({@code ./dev/test} does: {@code http://localhost:PORT}). {@link #issuer()} is
 * therefore read from the realm's discovery document, not derived from {@link #url()}; validate tokens
 * against {@link #issuer()} and fetch keys from {@link #jwkSetUri()}. With the container, ask for tokens
 * through {@link #url()} only.
 */
public final class TestKeycloak {

    public static final String IMAGE = "quay.io/keycloak/keycloak:26.7.3";
    public static final String REALM = "esg-one";
    /** Public client with the password grant enabled (and code + PKCE for browsers). */
    public static final String WEB_CLIENT_ID = "esg-web";
    /** The portal's confidential client (authorization code + PKCE), used by the web module. */
    public static final String PORTAL_CLIENT_ID = "esg-portal";
    public static final String PORTAL_CLIENT_SECRET = "esg-portal-dev-secret";
    /** Every access token of the realm's API clients carries this audience. */
    public static final String AUDIENCE = "esg-api";

    /** Confidential client whose service account may manage users, organizations and role mappings. */
    public static final String DIRECTORY_SERVICE_CLIENT_ID = "directory-service";
    /** Development and test secret only (it is in the realm file in the repository). */
    public static final String DIRECTORY_SERVICE_SECRET = "directory-service-dev-secret";

    /** Confidential client whose service account holds only the realm role {@link #BADGE_ISSUER_ROLE}. */
    public static final String ASSESSMENT_SERVICE_CLIENT_ID = "assessment-service";
    /** Development and test secret only (it is in the realm file in the repository). */
    public static final String ASSESSMENT_SERVICE_SECRET = "assessment-service-dev-secret";
    /** The realm role that lets a caller issue (only) the badges an assessment earns. */
    public static final String BADGE_ISSUER_ROLE = "badge-issuer";

    /** Password of every demo user. */
    public static final String DEMO_PASSWORD = "demo1234";
    /** Realm role {@code buyer}, no organization. */
    public static final String BUYER = "buyer@demo.esg-one.test";
    /** Realm role {@code sme}, member of {@link #SUPPLIER_ORG}. */
    public static final String SME = "sme@demo.esg-one.test";
    /** Realm role {@code sme}, member of {@link #SUPPLIER_ORG_2}. */
    public static final String SME_2 = "sme2@demo.esg-one.test";
    /** Realm role {@code partner}, member of {@link #PARTNER_ORG}. */
    public static final String PARTNER = "partner@demo.esg-one.test";
    /** Realm role {@code partner}, member of {@link #PARTNER_ORG_2}. */
    public static final String PARTNER_2 = "partner2@demo.esg-one.test";
    /** Realm role {@code admin}, no organization. */
    public static final String ADMIN = "admin@demo.esg-one.test";

    /** Organization aliases (= directory company ids) of the demo companies. */
    public static final String SUPPLIER_ORG = "cmp-demo-supplier";
    public static final String SUPPLIER_ORG_2 = "cmp-demo-supplier-2";
    public static final String PARTNER_ORG = "cmp-demo-partner";
    public static final String PARTNER_ORG_2 = "cmp-demo-partner-2";

    private static final String REALM_FILE = "devstack/keycloak/esg-one-realm.json";
    private static final Duration STARTUP = Duration.ofMinutes(4);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static String url;
    private static String issuer;
    private static GenericContainer<?> container;

    private TestKeycloak() {
    }

    /** Base URL of Keycloak, without a trailing slash (the realm is at {@code url() + "/realms/esg-one"}). */
    public static synchronized String url() {
        if (url == null) {
            url = resolve();
        }
        return url;
    }

    /** The {@code iss} of the realm's tokens, as Keycloak announces it. */
    public static synchronized String issuer() {
        if (issuer == null) {
            JsonNode discovery = getJson(url() + "/realms/" + REALM + "/.well-known/openid-configuration");
            issuer = discovery.path("issuer").asString(null);
            if (issuer == null) {
                throw new IllegalStateException("Keycloak at " + url() + " announces no issuer for realm " + REALM);
            }
        }
        return issuer;
    }

    /** The realm's public keys (JWKS). */
    public static String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** An access token of {@code username} from the {@code esg-web} client's password grant. */
    public static String passwordToken(String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", WEB_CLIENT_ID);
        form.put("username", username);
        form.put("password", password);
        return token(form, username);
    }

    /** An access token of a demo user (password {@link #DEMO_PASSWORD}). */
    public static String demoToken(String username) {
        return passwordToken(username, DEMO_PASSWORD);
    }

    /** An access token of {@link #ADMIN} (realm role {@code admin}). */
    public static String adminToken() {
        return passwordToken(ADMIN, DEMO_PASSWORD);
    }

    /** An access token of the {@code directory-service} service account (client credentials). */
    public static String directoryServiceToken() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", DIRECTORY_SERVICE_CLIENT_ID);
        form.put("client_secret", DIRECTORY_SERVICE_SECRET);
        return token(form, DIRECTORY_SERVICE_CLIENT_ID);
    }

    /** An access token of the {@code assessment-service} service account (client credentials; role {@code badge-issuer}). */
    public static String assessmentServiceToken() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", ASSESSMENT_SERVICE_CLIENT_ID);
        form.put("client_secret", ASSESSMENT_SERVICE_SECRET);
        return token(form, ASSESSMENT_SERVICE_CLIENT_ID);
    }

    /**
     * Rotates the realm's signing key as an operator would: adds a generated RS256 key with a higher priority
     * than the realm's own (Keycloak signs new tokens with it; the old key stays published for tokens already
     * issued). Returns the new key provider's id for {@link #removeRealmKey(String)}. Uses the master realm's
     * bootstrap admin ({@code KEYCLOAK_ADMIN_USER}/{@code KEYCLOAK_ADMIN_PASSWORD}, admin/admin by default, as
     * dev/test and the container start it).
     */
    public static String addRealmKey(String name, int priority) {
        String admin = masterAdminToken();
        String realmId = getJson(url() + "/admin/realms/" + REALM, admin).path("id").asString();
        String component = """
                {"name":"%s","providerId":"rsa-generated","providerType":"org.keycloak.keys.KeyProvider","parentId":"%s",
                 "config":{"priority":["%d"],"enabled":["true"],"active":["true"],"algorithm":["RS256"],"keySize":["2048"]}}
                """.formatted(name, realmId, priority);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + REALM + "/components"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(component))
                .build());
        String location = response.headers().firstValue("Location").orElse(null);
        if (response.statusCode() != 201 || location == null) {
            throw new IllegalStateException("Keycloak refused the new realm key: HTTP " + response.statusCode() + " " + response.body());
        }
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Removes a key provider added by {@link #addRealmKey(String, int)}; the realm signs with its own key again. */
    public static void removeRealmKey(String id) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + REALM + "/components/" + id))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + masterAdminToken())
                .DELETE()
                .build());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Keycloak did not remove key provider " + id + ": HTTP " + response.statusCode());
        }
    }

    /**
     * Ends every Keycloak session of {@code username} (the admin console's "sign out" of a user): their refresh
     * tokens stop working, as after an administrator's sign-out or the session's end at Keycloak.
     */
    public static void endSessions(String username) {
        String admin = masterAdminToken();
        JsonNode users = getJson(url() + "/admin/realms/" + REALM + "/users?exact=true&username=" + enc(username), admin);
        if (!users.isArray() || users.isEmpty()) {
            throw new IllegalStateException("the realm has no user " + username);
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(url() + "/admin/realms/" + REALM + "/users/" + users.get(0).path("id").asString() + "/logout"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Keycloak did not end the sessions of " + username + ": HTTP " + response.statusCode());
        }
    }

    /**
     * Changes a client of the realm as an operator would in the admin console: {@code change} edits its
     * representation (redirect URIs, attributes such as {@code access.token.lifespan}), which is then stored. Returns
     * the representation as it was, for {@link #restoreClient(ObjectNode)}.
     */
    public static ObjectNode updateClient(String clientId, Consumer<ObjectNode> change) {
        String admin = masterAdminToken();
        JsonNode found = getJson(url() + "/admin/realms/" + REALM + "/clients?clientId=" + enc(clientId), admin);
        if (!found.isArray() || found.isEmpty()) {
            throw new IllegalStateException("the realm has no client " + clientId);
        }
        ObjectNode before = (ObjectNode) found.get(0);
        ObjectNode after = before.deepCopy();
        change.accept(after);
        putClient(after, admin);
        return before;
    }

    /**
     * Stores a client representation returned by {@link #updateClient}: the client is as it was. Keycloak keeps an
     * attribute the representation does not name, so one added since (a shorter token lifespan, say) is emptied,
     * which is how Keycloak's console removes it; otherwise it would outlive the test that set it.
     */
    public static void restoreClient(ObjectNode representation) {
        String admin = masterAdminToken();
        ObjectNode restored = representation.deepCopy();
        JsonNode now = getJson(url() + "/admin/realms/" + REALM + "/clients/" + representation.path("id").asString(), admin);
        ObjectNode attributes = restored.withObject("attributes");
        now.path("attributes").propertyNames().forEach(name -> {
            if (!attributes.has(name)) {
                attributes.put(name, "");
            }
        });
        putClient(restored, admin);
    }

    private static void putClient(ObjectNode representation, String admin) {
        String id = representation.path("id").asString();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + REALM + "/clients/" + id))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(representation.toString()))
                .build());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Keycloak refused the client change: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private static String masterAdminToken() {
        String user = System.getenv().getOrDefault("KEYCLOAK_ADMIN_USER", "admin");
        String password = System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "admin");
        String body = "grant_type=password&client_id=admin-cli&username=" + enc(user) + "&password=" + enc(password);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url() + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak's master realm refused its admin: HTTP " + response.statusCode());
        }
        return parse(response.body()).path("access_token").asString();
    }

    private static String token(Map<String, String> form, String who) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(url() + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + who + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        String token = parse(response.body()).path("access_token").asString(null);
        if (token == null) {
            throw new IllegalStateException("Keycloak answered without an access_token for " + who);
        }
        return token;
    }

    private static String resolve() {
        String fromEnv = System.getenv("KEYCLOAK_URL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return stripSlash(fromEnv.trim());
        }
        if (DockerEngine.available()) {
            return startContainer();
        }
        throw new IllegalStateException("No Keycloak: run the tests with ./dev/test (starts one), or set KEYCLOAK_URL");
    }

    private static String startContainer() {
        Path realmFile = findRealmFile();
        GenericContainer<?> kc = new GenericContainer<>(IMAGE)
                .withExposedPorts(8080)
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
                .withEnv("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m")
                .withCopyFileToContainer(MountableFile.forHostPath(realmFile), "/opt/keycloak/data/import/" + REALM + "-realm.json")
                // no --hostname: the mapped port is only known after the start, so iss follows the address
                // the token was requested at; issuer() reads it back from the discovery document
                .withCommand("start-dev", "--import-realm")
                .waitingFor(Wait.forHttp("/realms/" + REALM + "/.well-known/openid-configuration")
                        .forPort(8080)
                        .forStatusCode(200)
                        .withStartupTimeout(STARTUP));
        kc.start();
        container = kc; // stopped by Testcontainers (Ryuk) when the JVM ends
        return "http://" + kc.getHost() + ":" + kc.getMappedPort(8080);
    }

    private static Path findRealmFile() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve(REALM_FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find " + REALM_FILE + " above " + dir);
    }


    private static JsonNode getJson(String uri) {
        return getJson(uri, null);
    }

    private static JsonNode getJson(String uri, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .GET();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered HTTP " + response.statusCode());
        }
        return parse(response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + url + " is unreachable (" + request.uri() + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request.uri(), e);
        }
    }

    private static JsonNode parse(String json) {
        return JsonMapper.shared().readTree(json);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
