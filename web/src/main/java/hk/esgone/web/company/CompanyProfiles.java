package hk.esgone.web.company;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceApi;
import hk.esgone.web.support.ServiceFailure;
import hk.esgone.web.support.ServiceJson;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A company's public profile from directory-service ({@code GET /api/v1/directory/companies/{id}}, anonymous), as
 * the profile and compare pages show it: texts in both languages, certifications and badges with their validity,
 * the scorecard with peer percentiles, green solutions, contact. An id that is not a company id is "not found"
 * without asking the directory.
 */
@Service
public class CompanyProfiles {

    static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    private static final JsonMapper JSON = JsonMapper.shared();

    public record Certification(Bilingual label, String number, String issuer, LocalDate validUntil, boolean valid) {
    }

    public record Badge(String id, Bilingual name, String status, boolean valid, ZonedDateTime validUntil) {
    }

    public record Solution(Bilingual category, Bilingual title, Bilingual description) {
    }

    /** E, S, G and overall, 0–100, with the level; {@code percentiles} within the industry (null when too few peers). */
    public record Scorecard(Integer environmental, Integer social, Integer governance, Integer overall, Bilingual level,
                            ZonedDateTime assessedAt, Peers industryPeers, Peers sizePeers) {

        public Radar radar() {
            return Radar.of(environmental, social, governance);
        }
    }

    /** Where the company stands among its peers. */
    public record Peers(int peers, Integer environmental, Integer social, Integer governance, Integer overall) {
    }

    public record Profile(String id, Bilingual name, Bilingual description, Bilingual kind, Bilingual industry, Bilingual sector,
                          Bilingual sizeBand, List<Bilingual> locations, List<Certification> certifications, List<Badge> badges,
                          Scorecard scorecard, List<Solution> solutions, String contactName, String email, String phone,
                          String website, String logoUrl, ZonedDateTime lastVerifiedAt) {

        /** schema.org Organization as JSON-LD, safe inside a script element ({@code <}, {@code >}, {@code &} escaped). */
        public String jsonLd(String publicUrl) {
            ObjectNode org = JSON.createObjectNode();
            org.put("@context", "https://schema.org");
            org.put("@type", "Organization");
            org.put("@id", publicUrl);
            org.put("url", publicUrl);
            org.put("name", name.in("en"));
            if (name.zhHant() != null && name.en() != null) {
                org.putArray("alternateName").add(name.zhHant());
            }
            if (!description.in("en").isEmpty()) {
                org.put("description", description.in("en"));
            }
            if (website != null) {
                org.putArray("sameAs").add(website);
            }
            if (logoUrl != null) {
                org.put("logo", logoUrl);
            }
            if (email != null) {
                org.put("email", email);
            }
            if (phone != null) {
                org.put("telephone", phone);
            }
            return JSON.writeValueAsString(org).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        }
    }

    private final ServiceApi api;

    public CompanyProfiles(ServiceApi api) {
        this.api = api;
    }

    public Mono<Profile> profile(String id) {
        if (id == null || !Ids.COMPANY.isValid(id)) {
            return Mono.error(new ServiceFailure(org.springframework.http.HttpStatus.NOT_FOUND, NullNode.getInstance(), null));
        }
        return api.get(ServiceApi.Service.DIRECTORY, "/api/v1/directory/companies/" + id, null).map(CompanyProfiles::profile);
    }

    static Profile profile(JsonNode c) {
        List<Bilingual> locations = new ArrayList<>();
        c.path("locations").forEach(l -> locations.add(Bilingual.of(l.path("label"))));
        List<Certification> certifications = new ArrayList<>();
        for (JsonNode cert : c.path("certifications")) {
            certifications.add(new Certification(Bilingual.of(cert.path("label")), text(cert, "number"), text(cert, "issuer"),
                    date(cert.path("validUntil")), cert.path("valid").asBoolean(false)));
        }
        List<Badge> badges = new ArrayList<>();
        for (JsonNode badge : c.path("badges")) {
            String id = text(badge, "id");
            if (id != null && Ids.BADGE.isValid(id)) {
                Instant until = ServiceJson.instant(badge.path("validUntil"));
                badges.add(new Badge(id, Bilingual.of(badge.path("name")), text(badge, "status"), badge.path("valid").asBoolean(false),
                        until == null ? null : until.atZone(HONG_KONG)));
            }
        }
        List<Solution> solutions = new ArrayList<>();
        for (JsonNode solution : c.path("solutions")) {
            solutions.add(new Solution(Bilingual.of(solution.path("category").path("label")), Bilingual.of(solution.path("title")),
                    Bilingual.of(solution.path("description"))));
        }
        JsonNode card = c.path("scorecard");
        Scorecard scorecard = null;
        if (card.isObject() && card.path("overall").isNumber()) {
            Instant assessed = ServiceJson.instant(card.path("assessedAt"));
            scorecard = new Scorecard(number(card, "environmental"), number(card, "social"), number(card, "governance"),
                    number(card, "overall"), Bilingual.of(card.path("levelLabel")), assessed == null ? null : assessed.atZone(HONG_KONG),
                    peers(c.path("benchmark").path("industry")), peers(c.path("benchmark").path("industryAndSizeBand")));
        }
        Instant verified = ServiceJson.instant(c.path("lastVerifiedAt"));
        String website = text(c, "website");
        String logo = text(c, "logoUrl");
        return new Profile(text(c, "id"), Bilingual.of(c.path("name")), Bilingual.of(c.path("description")),
                Bilingual.of(c.path("kindLabel")), Bilingual.of(c.path("industry").path("label")),
                Bilingual.of(c.path("sector").path("label")), Bilingual.of(c.path("sizeBand").path("label")), List.copyOf(locations),
                List.copyOf(certifications), List.copyOf(badges), scorecard, List.copyOf(solutions),
                text(c.path("contact"), "name"), text(c.path("contact"), "email"), text(c.path("contact"), "phone"),
                httpUrl(website), httpUrl(logo) != null && logo.startsWith("https://") ? logo : null,
                verified == null ? null : verified.atZone(HONG_KONG));
    }

    private static Peers peers(JsonNode group) {
        if (!group.isObject() || !group.path("percentiles").isObject()) {
            return null;
        }
        JsonNode p = group.path("percentiles");
        return new Peers(group.path("peers").asInt(0), number(p, "environmental"), number(p, "social"), number(p, "governance"),
                number(p, "overall"));
    }

    /** Only http(s) links become links; anything else (javascript:, data:) is not shown. */
    static String httpUrl(String value) {
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? value : null;
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asString(null);
        return value == null || value.isBlank() ? null : value;
    }

    private static Integer number(JsonNode node, String field) {
        return node.path(field).isNumber() ? node.path(field).asInt() : null;
    }

    private static LocalDate date(JsonNode value) {
        try {
            return value.isString() ? LocalDate.parse(value.asString()) : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
