package hk.esgone.web.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceApi;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The company profile as its members edit it: read with the person's token from
 * {@code GET /api/v1/directory/companies/{id}} (the members' view, with the record's version) and saved as a whole
 * with {@code PUT} and {@code If-Match} on that version, so an edit made on an older version is refused (412) rather
 * than overwriting someone else's. The company is the one in the person's token.
 */
@Service
public class ProfileEditing {

    /** One certification row of the form; dates as the date field sends them (yyyy-MM-dd). */
    public record Certification(String code, String number, String issuer, String validUntil) {

        public boolean blank() {
            return code == null && number == null && issuer == null && validUntil == null;
        }
    }

    /** One green solution row of the form. */
    public record Solution(String category, String titleEn, String titleZh, String descriptionEn, String descriptionZh) {

        public boolean blank() {
            return category == null && titleEn == null && titleZh == null && descriptionEn == null && descriptionZh == null;
        }
    }

    /** The editable profile: what the form shows and sends. */
    public record Profile(String nameEn, String nameZh, String descriptionEn, String descriptionZh, String industry, String sector,
                          List<String> locations, String sizeBand, String website, String logoUrl, String contactName,
                          String contactEmail, String contactPhone, List<Certification> certifications, List<Solution> solutions) {

        /** The request body of the PUT: the whole profile. */
        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", CompanyApplications.bilingual(nameEn, nameZh));
            body.put("description", CompanyApplications.bilingual(descriptionEn, descriptionZh));
            body.put("industry", industry);
            body.put("sector", sector);
            body.put("locations", locations);
            body.put("certifications", certifications.stream().map(c -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("code", c.code());
                row.put("number", c.number());
                row.put("issuer", c.issuer());
                row.put("validUntil", c.validUntil());
                return row;
            }).toList());
            body.put("solutions", solutions.stream().map(s -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("category", s.category());
                row.put("title", CompanyApplications.bilingual(s.titleEn(), s.titleZh()));
                row.put("description", CompanyApplications.bilingual(s.descriptionEn(), s.descriptionZh()));
                return row;
            }).toList());
            body.put("website", website);
            body.put("contact", CompanyApplications.contact(contactName, contactEmail, contactPhone));
            body.put("logoUrl", logoUrl);
            body.put("sizeBand", sizeBand);
            return body;
        }
    }

    /** The company's profile as stored, with what the page needs around it. */
    public record Stored(String id, String kind, String status, long version, Profile profile) {

        public boolean serviceProvider() {
            return "SERVICE_PROVIDER".equals(kind);
        }

        /** The same, as the form opened at {@code otherVersion} knows it. */
        public Stored withVersion(long otherVersion) {
            return new Stored(id, kind, status, otherVersion, profile);
        }
    }

    /** A field that differs between the profile as stored now and as the person typed it. */
    public record Difference(String field, Bilingual now, Bilingual yours) {
    }

    private final ServiceApi api;

    public ProfileEditing(ServiceApi api) {
        this.api = api;
    }

    /** The person's company's profile; empty when the person has no company. */
    public Mono<Stored> load(ServerWebExchange exchange) {
        return MyCompany.of(exchange).flatMap(company ->
                api.getAsUser(exchange, ServiceApi.Service.DIRECTORY, "/api/v1/directory/companies/" + company, null)
                        .map(ProfileEditing::stored));
    }

    /** Saves {@code profile} if the stored one is still at {@code version}; answers the saved one. */
    public Mono<Stored> save(ServerWebExchange exchange, long version, Profile profile) {
        return MyCompany.of(exchange).flatMap(company ->
                api.sendAsUser(exchange, ServiceApi.Service.DIRECTORY, "PUT", "/api/v1/directory/companies/" + company, profile.body(),
                        Map.of("If-Match", "\"" + version + "\"")).map(ProfileEditing::stored));
    }

    /** What differs between {@code now} (stored) and {@code yours} (typed), field by field, with codes as labels. */
    public static List<Difference> differences(Profile now, Profile yours, DirectoryChoices.Choices choices) {
        List<Difference> differences = new ArrayList<>();
        text(differences, "nameEn", now.nameEn(), yours.nameEn());
        text(differences, "nameZh", now.nameZh(), yours.nameZh());
        text(differences, "descriptionEn", now.descriptionEn(), yours.descriptionEn());
        text(differences, "descriptionZh", now.descriptionZh(), yours.descriptionZh());
        coded(differences, "industry", now.industry(), yours.industry(), choices.industries(), choices);
        coded(differences, "sector", now.sector(), yours.sector(), choices.sectors(), choices);
        if (!new java.util.HashSet<>(now.locations()).equals(new java.util.HashSet<>(yours.locations()))) {
            differences.add(new Difference("locations", labels(now.locations(), choices.places(), choices),
                    labels(yours.locations(), choices.places(), choices)));
        }
        coded(differences, "sizeBand", now.sizeBand(), yours.sizeBand(), choices.sizeBands(), choices);
        text(differences, "website", now.website(), yours.website());
        text(differences, "logoUrl", now.logoUrl(), yours.logoUrl());
        text(differences, "contactName", now.contactName(), yours.contactName());
        text(differences, "contactEmail", now.contactEmail(), yours.contactEmail());
        text(differences, "contactPhone", now.contactPhone(), yours.contactPhone());
        if (!now.certifications().equals(yours.certifications())) {
            differences.add(new Difference("certifications", certifications(now.certifications(), choices),
                    certifications(yours.certifications(), choices)));
        }
        if (!now.solutions().equals(yours.solutions())) {
            differences.add(new Difference("solutions", solutions(now.solutions()), solutions(yours.solutions())));
        }
        return differences;
    }

    private static void text(List<Difference> differences, String field, String now, String yours) {
        if (!Objects.equals(now, yours)) {
            differences.add(new Difference(field, new Bilingual(now, now), new Bilingual(yours, yours)));
        }
    }

    private static void coded(List<Difference> differences, String field, String now, String yours, List<DirectoryChoices.Choice> list,
                              DirectoryChoices.Choices choices) {
        if (!Objects.equals(now, yours)) {
            differences.add(new Difference(field, now == null ? new Bilingual(null, null) : choices.label(list, now),
                    yours == null ? new Bilingual(null, null) : choices.label(list, yours)));
        }
    }

    private static Bilingual labels(List<String> codes, List<DirectoryChoices.Choice> list, DirectoryChoices.Choices choices) {
        List<Bilingual> labels = codes.stream().map(code -> choices.label(list, code)).toList();
        return new Bilingual(String.join(", ", labels.stream().map(l -> l.in("en")).toList()),
                String.join("、", labels.stream().map(l -> l.in("zh-Hant")).toList()));
    }

    private static Bilingual certifications(List<Certification> rows, DirectoryChoices.Choices choices) {
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        for (Certification c : rows) {
            Bilingual label = c.code() == null ? new Bilingual("", "") : choices.label(choices.certifications(), c.code());
            String rest = " " + Objects.toString(c.number(), "") + " · " + Objects.toString(c.issuer(), "") + " · "
                    + Objects.toString(c.validUntil(), "");
            en.add(label.in("en") + rest);
            zh.add(label.in("zh-Hant") + rest);
        }
        return new Bilingual(String.join("; ", en), String.join("；", zh));
    }

    private static Bilingual solutions(List<Solution> rows) {
        String text = String.join("; ", rows.stream().map(s -> Objects.toString(s.titleEn() != null ? s.titleEn() : s.titleZh(), "")).toList());
        return new Bilingual(text, text);
    }

    private static Stored stored(JsonNode company) {
        List<String> locations = new ArrayList<>();
        company.path("locations").forEach(l -> locations.add(l.path("code").asString()));
        List<Certification> certifications = new ArrayList<>();
        company.path("certifications").forEach(c -> certifications.add(new Certification(c.path("code").asString(null),
                c.path("number").asString(null), c.path("issuer").asString(null), c.path("validUntil").asString(null))));
        List<Solution> solutions = new ArrayList<>();
        company.path("solutions").forEach(s -> solutions.add(new Solution(s.path("category").path("code").asString(null),
                blank(s.path("title").path("en")), blank(s.path("title").path("zhHant")),
                blank(s.path("description").path("en")), blank(s.path("description").path("zhHant")))));
        JsonNode contact = company.path("contact");
        Profile profile = new Profile(blank(company.path("name").path("en")), blank(company.path("name").path("zhHant")),
                blank(company.path("description").path("en")), blank(company.path("description").path("zhHant")),
                company.path("industry").path("code").asString(null), company.path("sector").path("code").asString(null),
                List.copyOf(locations), company.path("sizeBand").path("code").asString(null), blank(company.path("website")),
                blank(company.path("logoUrl")), blank(contact.path("name")), blank(contact.path("email")), blank(contact.path("phone")),
                List.copyOf(certifications), List.copyOf(solutions));
        return new Stored(company.path("id").asString(""), company.path("kind").asString(""),
                company.path("status").asString(""), company.path("owner").path("version").asLong(-1), profile);
    }

    private static String blank(JsonNode node) {
        String value = node.asString(null);
        return value == null || value.isBlank() ? null : value;
    }
}
