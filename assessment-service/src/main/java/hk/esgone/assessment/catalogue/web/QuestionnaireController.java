package hk.esgone.assessment.catalogue.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.assessment.catalogue.Form;
import hk.esgone.assessment.catalogue.PublishedQuestionnaire;
import hk.esgone.assessment.catalogue.QuestionnaireCatalogue;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Callers;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The published questionnaire (anyone may read what is asked) and, for admins, its versions and publishing. */
@RestController
@RequestMapping(path = "/api/v1/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
class QuestionnaireController {

    private final QuestionnaireCatalogue catalogue;
    private final JsonMapper json = JsonMapper.builder().build();

    QuestionnaireController(QuestionnaireCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * The current questionnaire, both languages; narrowed to a company's questions with {@code industry} and {@code size}.
     * {@code version} reads an earlier published version of the current key instead (a draft keeps the version it
     * started on, so its pages must show that one): a version never published is 404, a value that is no version 400.
     */
    @GetMapping("/questionnaire")
    Mono<Object> current(@RequestParam(required = false) String industry, @RequestParam(required = false) String size,
            @RequestParam(required = false) String version) {
        if ((industry == null) != (size == null)) {
            return Mono.error(ApiProblem.badRequest("Give both industry and size to narrow the questionnaire, or neither."));
        }
        Mono<Form> form;
        if (version == null) {
            form = catalogue.current();
        } else {
            int number = versionNumber(version);
            if (number < 1) {
                return Mono.error(ApiProblem.invalidField("version", "must be a whole number from 1"));
            }
            form = catalogue.form(catalogue.currentKey(), number).switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                    "not-found", "Not found", "Questionnaire '" + catalogue.currentKey() + "' has no published version " + number + ".")));
        }
        return form.map(f -> {
            if (industry != null && !f.knowsIndustry(industry)) {
                throw ApiProblem.invalidField("industry", "must be an HSIC section code this questionnaire knows");
            }
            if (size != null && !f.knowsSizeBand(size)) {
                throw ApiProblem.invalidField("size", "must be a size band this questionnaire knows");
            }
            return f.describe(industry, size);
        });
    }

    /** A version as digits only (no sign, no spaces, at most 6 digits); -1 otherwise. */
    private static int versionNumber(String version) {
        return version.matches("[0-9]{1,6}") ? Integer.parseInt(version) : -1;
    }

    /** The body as JSON, or null when it is not JSON (the loader then says why). */
    private JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    record VersionView(String key, int version, Instant publishedAt, String publishedBy, boolean current) {
    }

    record VersionList(List<VersionView> items) {
    }

    @GetMapping("/questionnaires")
    Mono<VersionList> versions() {
        return Callers.admin("Only platform admins manage questionnaires.")
                .flatMap(admin -> catalogue.versions().collectList())
                .map(all -> {
                    int newest = all.stream().filter(q -> q.key().equals(catalogue.currentKey()))
                            .mapToInt(PublishedQuestionnaire::version).max().orElse(0);
                    return new VersionList(all.stream().map(q -> new VersionView(q.key(), q.version(), q.publishedAt(),
                            q.publishedBy(), q.key().equals(catalogue.currentKey()) && q.version() == newest)).toList());
                });
    }

    /**
     * Publishes a new version: the body is the questionnaire JSON (scored by the rules shipped for that version), or
     * {@code {"questionnaire": {...}, "scoring": {...}}} with its own scoring rules. Drafts started earlier keep their
     * own version.
     */
    @PostMapping(path = "/questionnaires", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<VersionView>> publish(@RequestBody String body) {
        return Callers.admin("Only platform admins publish questionnaires.")
                .flatMap(admin -> {
                    String questionnaire = body;
                    String scoring = null;
                    JsonNode tree = readTree(body);
                    if (tree != null && tree.isObject() && tree.has("questionnaire")) {
                        questionnaire = tree.get("questionnaire").toString();
                        scoring = tree.has("scoring") && !tree.get("scoring").isNull() ? tree.get("scoring").toString() : null;
                    }
                    return catalogue.publish(questionnaire, scoring, admin.subject());
                })
                .map(q -> ResponseEntity.created(URI.create("/api/v1/assessments/questionnaires/" + q.key() + "/" + q.version()))
                        .body(new VersionView(q.key(), q.version(), q.publishedAt(), q.publishedBy(), true)));
    }
}
