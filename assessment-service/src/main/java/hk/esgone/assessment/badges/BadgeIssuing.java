package hk.esgone.assessment.badges;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import hk.esgone.assessment.badges.store.BadgeStateStore;
import hk.esgone.assessment.config.BadgeIssuingProperties;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues the badges a submitted assessment earns — the completion e-badge and the scorecard level — by asking
 * badge-service, never inside the submission: a background run ({@link #runOnce()}) takes up each submitted assessment
 * whose badges are due (see {@link BadgeStateStore}), asks for each badge not yet recorded with an
 * {@code Idempotency-Key} of the assessment and the badge ({@code <assessmentId>:COMPLETION}), so a retry after a lost
 * answer gets the first badge back instead of a second one, and records each badge as it comes. A failure leaves the
 * assessment pending with a doubled wait; a permanent refusal (4xx) ends it as FAILED with the reason. A company's
 * newer assessment replaces the badges of its older ones: badge-service revokes them when the newer ones are issued,
 * and an older assessment still pending when a newer one is submitted is SKIPPED.
 */
@Service
public class BadgeIssuing {

    private static final Logger log = LoggerFactory.getLogger(BadgeIssuing.class);

    private final BadgeStateStore store;
    private final BadgeServiceClient badges;
    private final BadgeIssuingProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    BadgeIssuing(BadgeStateStore store, BadgeIssuingProperties properties, WebClient.Builder builder, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.json = JsonMapper.builder().build();
        this.clock = clock;
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.responseTimeout());
        WebClient http = builder.clone().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
        this.badges = new BadgeServiceClient(http, new ServiceToken(http, properties, clock), properties, json);
    }

    /** The badge state of a submitted assessment; empty for a draft. */
    public Mono<BadgeState> state(String assessmentId) {
        return store.find(assessmentId);
    }

    /** An admin's retry of an assessment whose badges FAILED: true when it is pending again. */
    public Mono<Boolean> retry(String assessmentId) {
        return store.requeue(assessmentId, clock.instant());
    }

    /**
     * An admin's acceptance of evidence re-scored the assessment and its level changed: the new level's badge is due
     * (badge-service supersedes the earlier level badge when it issues it). Only when the badges were issued: pending
     * ones are issued from the scorecard as it is then; failed ones wait for an admin's retry; and none when the
     * company already submitted a later year (whose badges replaced these).
     */
    public Mono<Void> levelChanged(String assessmentId, String companyId, int year) {
        return store.newerSubmittedYear(companyId, year)
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(newer -> newer.isPresent() ? Mono.empty() : store.reopenForLevel(assessmentId, clock.instant()));
    }

    /** One run: every due assessment (at most a batch), one after the other; the number taken up. */
    public Mono<Long> runOnce() {
        Instant now = clock.instant();
        return store.dueIds(now, properties.batch())
                .concatMap(id -> store.claim(id, now, now.plus(properties.lease())).flatMap(this::issue).thenReturn(1))
                .count();
    }

    private Mono<Void> issue(BadgeStateStore.Due due) {
        return store.newerSubmittedYear(due.companyId(), due.year())
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(newer -> newer.isPresent()
                        ? store.finish(due.id(), BadgeState.State.SKIPPED, "The company's " + newer.get()
                                + " assessment was submitted before these badges were issued; its badges replace them.")
                        : issueMissing(due))
                .onErrorResume(e -> failed(due, e));
    }

    private Mono<Void> issueMissing(BadgeStateStore.Due due) {
        List<Earned> wanted = new ArrayList<>();
        wanted.add(new Earned(EarnedBadge.COMPLETION, properties.completionAchievement()));
        String level = level(due.scorecardJson());
        if (level != null) {
            wanted.add(new Earned(EarnedBadge.LEVEL, properties.levelAchievementFor(level, due.year())));
        }
        String reason = "Superseded by the company's " + due.year() + " ESG One assessment.";
        return reactor.core.publisher.Flux.fromIterable(wanted)
                .filter(earned -> !due.state().hasIssued(earned.kind(), earned.achievementId()))
                .concatMap(earned -> badges.issue(idempotencyKey(due, earned.kind()), earned.achievementId(), due.companyId(), reason)
                        .flatMap(badgeId -> store.recordIssued(due.id(),
                                new BadgeState.Issued(earned.kind(), earned.achievementId(), badgeId, clock.instant()))))
                // not finished when an acceptance of evidence re-scored the assessment meanwhile: the next run issues its level
                .then(Mono.defer(() -> store.finish(due.id(), BadgeState.State.ISSUED, null, due.scoreRevision())));
    }

    private record Earned(EarnedBadge kind, String achievementId) {
    }

    /**
     * {@code <assessmentId>:COMPLETION}, {@code <assessmentId>:LEVEL} for the first scorecard and
     * {@code <assessmentId>:LEVEL:<scoreRevision>} for a re-scored one, so each level badge is asked for once.
     */
    private static String idempotencyKey(BadgeStateStore.Due due, EarnedBadge kind) {
        String key = due.id() + ":" + kind.name();
        return kind == EarnedBadge.LEVEL && due.scoreRevision() > 1 ? key + ":" + due.scoreRevision() : key;
    }

    private Mono<Void> failed(BadgeStateStore.Due due, Throwable e) {
        if (e instanceof BadgeServiceClient.Refused refused) {
            log.warn("badge-service refused the badges of assessment {} for good: {}", due.id(), refused.getMessage());
            return store.finish(due.id(), BadgeState.State.FAILED, refused.getMessage());
        }
        Duration wait = backoff(due.state().attempts());
        log.info("Badges of assessment {} not issued yet (attempt {}), next try in {}: {}", due.id(), due.state().attempts(), wait,
                e.toString());
        return store.retryLater(due.id(), clock.instant().plus(wait), BadgeServiceClient.shorten(describe(e)));
    }

    /** initial, 2 × initial, 4 × initial, … up to the maximum (attempt 1 waits the initial backoff). */
    Duration backoff(int attempts) {
        Duration wait = properties.initialBackoff();
        for (int i = 1; i < attempts && wait.compareTo(properties.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
    }

    private static String describe(Throwable e) {
        if (e instanceof WebClientRequestException || e instanceof TimeoutException || e.getCause() instanceof TimeoutException) {
            return "badge-service or Keycloak could not be reached: " + e.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The level the stored scorecard reached, or null when it names none. */
    private String level(String scorecardJson) {
        if (scorecardJson == null) {
            return null;
        }
        JsonNode level = json.readTree(scorecardJson).path("score").path("level");
        return level.isString() && !level.asString().isBlank() ? level.asString() : null;
    }
}
