package hk.esgone.web.assessment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceApi;
import hk.esgone.web.support.ServiceJson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Staff's review of the evidence attached to submitted assessments, through assessment-service's admin API with the
 * admin's own token: the queue by status (oldest submission first), and accepting or rejecting (with a note) one
 * answer's evidence. A decision is final; accepting lifts the question's cap and the service re-scores. The service
 * decides who may do this (anyone but an admin gets its 403).
 */
@Service
public class EvidenceReviews {

    public static final List<String> STATUSES = List.of("PENDING", "ACCEPTED", "REJECTED");
    /** The longest note the service takes. */
    public static final int MAX_NOTE = 500;
    private static final String ADMIN = "/api/v1/assessments/admin/evidence";
    private static final Duration NAME_TIMEOUT = Duration.ofSeconds(3);

    private final ServiceApi api;

    public EvidenceReviews(ServiceApi api) {
        this.api = api;
    }

    /** One answer's evidence with what staff need to decide; {@code companyName} empty when the directory did not say. */
    public record Item(String assessmentId, String companyId, Bilingual companyName, int year, String questionId, Bilingual question,
                       Bilingual topic, Evidence evidence, String status, String note, Instant submittedAt, Instant reviewedAt,
                       String reviewedBy, BigDecimal pointsNow, BigDecimal pointsIfAccepted) {

        /** The element id of its card, for "the outcome on return" and the links to it. */
        public String key() {
            return assessmentId + "-" + questionId;
        }

        public ZonedDateTime submittedAtLocal() {
            return submittedAt == null ? null : submittedAt.atZone(Assessments.HONG_KONG);
        }

        public ZonedDateTime reviewedAtLocal() {
            return reviewedAt == null ? null : reviewedAt.atZone(Assessments.HONG_KONG);
        }

        public boolean hasCompanyName() {
            return companyName != null && !companyName.in("en").isEmpty();
        }

        Item named(Bilingual name) {
            return new Item(assessmentId, companyId, name, year, questionId, question, topic, evidence, status, note, submittedAt,
                    reviewedAt, reviewedBy, pointsNow, pointsIfAccepted);
        }

        static Item of(JsonNode i) {
            return new Item(i.path("assessmentId").asString(""), i.path("companyId").asString(""), new Bilingual(null, null),
                    i.path("year").asInt(0), i.path("questionId").asString(""), Bilingual.of(i.path("question")),
                    Bilingual.of(i.path("topic")), Evidence.of(i.path("evidence")), i.path("status").asString("PENDING"),
                    i.path("note").asString(null), ServiceJson.instant(i.path("submittedAt")), ServiceJson.instant(i.path("reviewedAt")),
                    i.path("reviewedBy").asString(null), Scorecard.decimal(i.path("pointsNow")), Scorecard.decimal(i.path("pointsIfAccepted")));
        }
    }

    public record Page(List<Item> items, String nextCursor) {
    }

    /** The items in {@code status}, 25 at a time, each with its company's name from the public directory profile. */
    public Mono<Page> queue(ServerWebExchange exchange, String status, String cursor) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("status", status);
        query.add("limit", "25");
        if (cursor != null) {
            query.add("cursor", cursor);
        }
        return api.getAsUser(exchange, ServiceApi.Service.ASSESSMENTS, ADMIN, query).flatMap(answer -> {
            List<Item> items = new ArrayList<>();
            answer.path("items").forEach(i -> {
                Item item = Item.of(i);
                if (Assessment.validId(item.assessmentId()) && item.questionId().matches("[A-Za-z0-9_-]{1,40}")) {
                    items.add(item);
                }
            });
            String next = answer.path("nextCursor").asString(null);
            return names(items).map(names -> new Page(items.stream()
                    .map(i -> i.named(names.getOrDefault(i.companyId(), new Bilingual(null, null)))).toList(),
                    next == null || next.isBlank() ? null : next));
        });
    }

    /** Accepts or rejects (with {@code note}) one answer's evidence; answers the item as the service now has it. */
    public Mono<Item> decide(ServerWebExchange exchange, String assessmentId, String questionId, boolean accept, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", accept ? "ACCEPT" : "REJECT");
        body.put("note", note);
        return api.sendAsUser(exchange, ServiceApi.Service.ASSESSMENTS, "POST", ADMIN + "/" + assessmentId + "/" + questionId, body, Map.of())
                .map(Item::of);
    }

    /** The companies' names (anonymous public profile reads, a few at a time); one that cannot be read is left out. */
    private Mono<Map<String, Bilingual>> names(List<Item> items) {
        Set<String> companies = new LinkedHashSet<>();
        items.forEach(i -> {
            if (Ids.COMPANY.isValid(i.companyId())) {
                companies.add(i.companyId());
            }
        });
        return Flux.fromIterable(companies)
                .flatMap(id -> api.get(ServiceApi.Service.DIRECTORY, "/api/v1/directory/companies/" + id, null)
                        .map(p -> Map.entry(id, Bilingual.of(p.path("name"))))
                        .timeout(NAME_TIMEOUT)
                        .onErrorResume(e -> Mono.empty()), 4)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
