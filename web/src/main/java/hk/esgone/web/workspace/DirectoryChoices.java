package hk.esgone.web.workspace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceApi;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The choices company forms offer — kinds, industries, cleaner-production sectors, Hong Kong districts and Greater
 * Bay Area cities, certifications, green-solution categories, size bands — from directory-service's public
 * taxonomies, read again every few minutes (staff extend them) and at once after a failure. Retired entries are not
 * offered.
 */
@Service
public class DirectoryChoices {

    /** One choice of a list, with its label in both languages. */
    public record Choice(String code, Bilingual label) {
    }

    /** A group of locations (Hong Kong districts, Greater Bay Area cities, elsewhere). */
    public record LocationGroup(String group, List<Choice> places) {
    }

    /** What the forms offer. */
    public record Choices(List<Choice> kinds, List<Choice> industries, List<Choice> sectors, List<LocationGroup> locations,
                          List<Choice> certifications, List<Choice> solutionCategories, List<Choice> sizeBands) {

        /** The label of {@code code} in one of the lists, or the code itself when the list does not have it. */
        public Bilingual label(List<Choice> list, String code) {
            return list.stream().filter(c -> c.code().equals(code)).map(Choice::label).findFirst().orElse(new Bilingual(code, code));
        }

        public List<Choice> places() {
            return locations.stream().flatMap(group -> group.places().stream()).toList();
        }
    }

    private static final List<String> LOCATION_GROUPS = List.of("HK_DISTRICT", "GBA_CITY", "OTHER");

    private final Mono<Choices> choices;

    public DirectoryChoices(ServiceApi api) {
        this.choices = api.get(ServiceApi.Service.DIRECTORY, "/api/v1/directory/taxonomies", null)
                .map(DirectoryChoices::choices)
                .cache(c -> Duration.ofMinutes(5), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    public Mono<Choices> choices() {
        return choices;
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
        return new Choices(list(all.path("kinds")), list(all.path("industries")), list(all.path("sectors")), List.copyOf(locations),
                list(all.path("certifications")), list(all.path("solutionCategories")), list(all.path("sizeBands")));
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
