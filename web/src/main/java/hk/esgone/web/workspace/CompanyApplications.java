package hk.esgone.web.workspace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceApi;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * "Register my company": the choices the form offers (kinds, industries, cleaner-production sectors, Hong Kong
 * districts and Greater Bay Area cities, from directory-service's public taxonomies) and the application itself,
 * sent with the signed-in person's token to {@code POST /api/v1/directory/applications}. directory-service checks
 * everything again and decides; council staff then approve or reject it.
 */
@Service
public class CompanyApplications {

    /** One choice of a list, with its label in both languages. */
    public record Choice(String code, Bilingual label) {
    }

    /** A group of locations (Hong Kong districts, Greater Bay Area cities, elsewhere). */
    public record LocationGroup(String group, List<Choice> places) {
    }

    /** What the form offers. */
    public record Choices(List<Choice> kinds, List<Choice> industries, List<Choice> sectors, List<LocationGroup> locations) {
    }

    /** The application as the person typed it, cleaned: blank values are null. */
    public record Application(String kind, String brNumber, String uscc, String nameEn, String nameZh, String descriptionEn,
                              String descriptionZh, String industry, String sector, List<String> locations, String website,
                              String contactName, String contactEmail, String contactPhone) {

        /** The request body directory-service expects. */
        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", kind);
            body.put("brNumber", brNumber);
            body.put("uscc", uscc);
            body.put("name", bilingual(nameEn, nameZh));
            body.put("description", bilingual(descriptionEn, descriptionZh));
            body.put("industry", industry);
            body.put("sector", sector);
            body.put("locations", locations);
            body.put("website", website);
            if (contactName != null || contactEmail != null || contactPhone != null) {
                Map<String, Object> contact = new LinkedHashMap<>();
                contact.put("name", contactName);
                contact.put("email", contactEmail);
                contact.put("phone", contactPhone);
                body.put("contact", contact);
            }
            return body;
        }

        private static Map<String, String> bilingual(String en, String zh) {
            if (en == null && zh == null) {
                return null;
            }
            Map<String, String> text = new LinkedHashMap<>();
            text.put("en", en);
            text.put("zhHant", zh);
            return text;
        }
    }

    private static final List<String> LOCATION_GROUPS = List.of("HK_DISTRICT", "GBA_CITY", "OTHER");

    private final ServiceApi api;
    private final Mono<Choices> choices;

    public CompanyApplications(ServiceApi api) {
        this.api = api;
        // the lists change when staff extend a taxonomy: read again after a few minutes, and at once after a failure
        this.choices = api.get(ServiceApi.Service.DIRECTORY, "/api/v1/directory/taxonomies", null)
                .map(CompanyApplications::choices)
                .cache(c -> Duration.ofMinutes(5), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    public Mono<Choices> choices() {
        return choices;
    }

    /** Sends the application; answers the new company's id. */
    public Mono<String> apply(ServerWebExchange exchange, Application application) {
        return api.sendAsUser(exchange, ServiceApi.Service.DIRECTORY, "POST", "/api/v1/directory/applications", application.body(), Map.of())
                .map(created -> created.path("id").asString(""));
    }

    private static Choices choices(JsonNode all) {
        Map<String, List<Choice>> groups = new LinkedHashMap<>();
        LOCATION_GROUPS.forEach(group -> groups.put(group, new ArrayList<>()));
        for (JsonNode place : all.path("locations")) {
            if (place.path("active").asBoolean(true)) {
                String group = place.path("group").asString("OTHER");
                groups.get(LOCATION_GROUPS.contains(group) ? group : "OTHER").add(choice(place));
            }
        }
        List<LocationGroup> locations = new ArrayList<>();
        groups.forEach((group, places) -> {
            if (!places.isEmpty()) {
                locations.add(new LocationGroup(group, List.copyOf(places)));
            }
        });
        return new Choices(list(all.path("kinds")), list(all.path("industries")), list(all.path("sectors")), List.copyOf(locations));
    }

    private static List<Choice> list(JsonNode entries) {
        List<Choice> list = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (entry.path("active").asBoolean(true) && !entry.path("code").asString("").isEmpty()) {
                list.add(choice(entry));
            }
        }
        return List.copyOf(list);
    }

    private static Choice choice(JsonNode entry) {
        return new Choice(entry.path("code").asString(""), Bilingual.of(entry.path("label")));
    }
}
