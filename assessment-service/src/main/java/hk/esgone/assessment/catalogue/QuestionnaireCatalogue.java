package hk.esgone.assessment.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import hk.esgone.assessment.catalogue.store.QuestionnaireStore;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The published questionnaires. Versions are data in MongoDB, immutable once published; the shipped file is
 * published at start when its key has no version yet. A draft keeps the version it started on, so every version
 * stays readable; parsed forms are cached by key and version (they never change).
 */
@Service
public class QuestionnaireCatalogue {

    private static final Logger log = LoggerFactory.getLogger(QuestionnaireCatalogue.class);

    private final QuestionnaireStore store;
    private final FormReader reader;
    private final Clock clock;
    private final String currentKey;
    private final String seedJson;
    private final Map<String, Form> forms = new ConcurrentHashMap<>();

    QuestionnaireCatalogue(QuestionnaireStore store, FormReader reader, Clock clock,
            SeedQuestionnaire seed) {
        this.store = store;
        this.reader = reader;
        this.clock = clock;
        this.seedJson = seed.json();
        this.currentKey = reader.read(seedJson, null).key();
    }

    /** Publishes the shipped questionnaire when no version of its key is stored (start-up). */
    public Mono<Void> seed() {
        Form form = reader.read(seedJson, null);
        return store.newest(form.key())
                .map(existing -> false)
                .switchIfEmpty(Mono.defer(() -> store.insert(new PublishedQuestionnaire(form.key(), form.version(), seedJson,
                        form.scoringJson(), clock.instant(), "seed")).map(stored -> {
                            log.info("Published the shipped questionnaire {} version {}", form.key(), form.version());
                            return true;
                        }).onErrorResume(DuplicateKeyException.class, e -> Mono.just(false))))
                .then();
    }

    /** The questionnaire new assessments start on: the newest version of the current key. */
    public Mono<Form> current() {
        return store.newest(currentKey).map(this::form)
                .switchIfEmpty(Mono.error(() -> ApiProblem.unavailable("questionnaire-unavailable",
                        "No questionnaire is published yet. Try again shortly.", 10)));
    }

    /** The form of one published version (an assessment's own). */
    public Mono<Form> form(String key, int version) {
        Form cached = forms.get(key + ":" + version);
        if (cached != null) {
            return Mono.just(cached);
        }
        return store.find(key, version).map(this::form);
    }

    public Flux<PublishedQuestionnaire> versions() {
        return store.all();
    }

    public String currentKey() {
        return currentKey;
    }

    /**
     * Publishes a new version with its scoring rules (the shipped ones for that version when none are given): both checked
     * whole by the domain loaders (422 naming each problem), and its version must be
     * greater than the newest of its key (409 otherwise; two admins publishing the same version: one wins, by index).
     */
    public Mono<PublishedQuestionnaire> publish(String json, String scoringJson, String by) {
        return Mono.fromCallable(() -> reader.read(json, scoringJson))
                .onErrorMap(FormReader.InvalidQuestionnaire.class, e -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT,
                        "invalid-questionnaire", "Invalid questionnaire", "The questionnaire cannot be published as it is.",
                        Map.of("errors", e.problems().stream().map(p -> Map.of("message", p)).toList())))
                .flatMap(form -> store.newest(form.key())
                        .map(PublishedQuestionnaire::version).defaultIfEmpty(0)
                        .flatMap(newest -> {
                            if (form.version() <= newest) {
                                return Mono.error(versionNotNewer(form, newest));
                            }
                            return store.insert(new PublishedQuestionnaire(form.key(), form.version(), json, form.scoringJson(),
                                    clock.instant(), by))
                                    .onErrorMap(DuplicateKeyException.class, e -> versionNotNewer(form, form.version()));
                        }));
    }

    private static ApiProblem versionNotNewer(Form form, int newest) {
        return new ApiProblem(HttpStatus.CONFLICT, "version-not-newer", "Conflict", "Questionnaire '" + form.key()
                + "' version " + form.version() + " is not newer than the newest published version, " + newest + ".",
                Map.of("newestVersion", newest));
    }

    private Form form(PublishedQuestionnaire published) {
        return forms.computeIfAbsent(published.id(), id -> reader.read(published.json(), published.scoringJson()));
    }

    /** Reads a classpath resource as UTF-8 text. */
    static String resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("The questionnaire " + path + " cannot be read", e);
        }
    }
}
