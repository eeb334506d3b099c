package hk.esgone.web.admin.web;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.admin.AchievementAdmin;
import hk.esgone.web.admin.BadgeAdmin;
import hk.esgone.web.admin.BulkCsv;
import hk.esgone.web.support.FormText;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Mono;

/**
 * Council staff's badges: the list (by status, by company), issuing one badge, issuing one badge type to many
 * companies from a CSV (a result per line), and suspending, reinstating, revoking and renewing a badge. Suspending
 * and revoking need a reason and a ticked confirmation; nothing is sent without them. Each action returns to the list
 * with its outcome in words; badge-service's refusals are shown in place. Whether the person may do any of this is
 * badge-service's decision (its 403 is the 403 page).
 */
@Controller
class AdminBadgesPageController {

    private static final String PATH = "/workspace/admin/badges";
    private static final Map<String, String> DONE = Map.of("suspend", "suspended", "reinstate", "reinstated", "revoke", "revoked",
            "renew", "renewed", "issue", "issued");

    private final BadgeAdmin badges;
    private final AchievementAdmin achievements;

    AdminBadgesPageController(BadgeAdmin badges, AchievementAdmin achievements) {
        this.badges = badges;
        this.achievements = achievements;
    }

    /** The page as a link shows it: its filters, and the outcome of the action just taken on one badge. */
    record View(String status, String company, String cursor, String done, String badge, String problem, String problemAt,
                IssueForm issue, BadgeAdmin.BulkOutcome bulk, boolean single, String action, String reason) {

        View(String status, String company, String cursor, String done, String badge, String problem, String problemAt, IssueForm issue,
             BadgeAdmin.BulkOutcome bulk, boolean single) {
            this(status, company, cursor, done, badge, problem, problemAt, issue, bulk, single, null, null);
        }

        static View of(String status, String company) {
            return new View(status, company, null, null, null, null, null, IssueForm.EMPTY, null, false);
        }

        View problem(String problem, String at) {
            return new View(status, company, cursor, done, at != null && at.startsWith("bdg-") ? at : badge, problem, at, issue, bulk, single,
                    action, reason);
        }

        /** The action on one badge the problem is about, and the reason typed (shown again in its form). */
        View about(String actionTaken, String reasonTyped) {
            return new View(status, company, cursor, done, badge, problem, problemAt, issue, bulk, single, actionTaken, reasonTyped);
        }
    }

    /** What the issue forms send back when they are shown again. */
    record IssueForm(String achievement, String company, String validUntil, String key) {
        static final IssueForm EMPTY = new IssueForm(null, null, null, null);
    }

    @GetMapping(PATH)
    Mono<Rendering> list(@RequestParam(required = false) String status, @RequestParam(required = false) String company,
                         @RequestParam(required = false) String cursor, @RequestParam(required = false) String done,
                         @RequestParam(required = false) String badge, ServerWebExchange exchange) {
        String companyFilter = FormText.clean(company, 80);
        View view = new View(statusOr(status), Ids.COMPANY.isValid(companyFilter) ? companyFilter : null, FormText.clean(cursor, 500),
                done != null && DONE.containsValue(done) ? done : null, Ids.BADGE.isValid(badge) ? badge : null, null, null,
                IssueForm.EMPTY, null, false);
        if (companyFilter != null && view.company() == null) {
            view = view.problem("company-filter", "filter");
        }
        return render(exchange, view, HttpStatus.OK);
    }

    /** One badge, with its actions; an id that is no badge's is the 404 page. */
    @GetMapping(PATH + "/{id}")
    Mono<Rendering> one(@PathVariable String id, ServerWebExchange exchange) {
        if (!Ids.BADGE.isValid(id)) {
            return Mono.error(new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return Mono.zip(badges.get(exchange, id), activeAchievements(exchange)).map(t -> Rendering.view("admin/badges")
                .modelAttribute("page", new BadgeAdmin.BadgePage(List.of(t.getT1()), null))
                .modelAttribute("view", new View(null, null, null, null, id, null, null, IssueForm.EMPTY, null, true))
                .modelAttribute("statuses", BadgeAdmin.STATUSES)
                .modelAttribute("achievements", t.getT2())
                .modelAttribute("key", AdminForms.newKey())
                .build());
    }

    @PostMapping(PATH + "/issue")
    Mono<Rendering> issue(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            View back = View.of(statusOr(form.getFirst("status")), companyOr(form.getFirst("filterCompany")));
            String achievement = FormText.clean(form.getFirst("achievement"), 80);
            String company = FormText.clean(form.getFirst("company"), 80);
            String until = FormText.clean(form.getFirst("validUntil"), 20);
            String key = AdminForms.key(form.getFirst("key"));
            View shown = new View(back.status(), back.company(), null, null, null, null, null, new IssueForm(achievement, company, until, key), null, false);
            if (!Ids.ACHIEVEMENT.isValid(achievement)) {
                return render(exchange, shown.problem("achievement-missing", "issue"), HttpStatus.BAD_REQUEST);
            }
            if (!Ids.COMPANY.isValid(company)) {
                return render(exchange, shown.problem(company == null ? "company-missing" : "company-invalid", "issue"), HttpStatus.BAD_REQUEST);
            }
            Instant validUntil;
            try {
                validUntil = until == null ? null : LocalDate.parse(until).plusDays(1).atStartOfDay(BadgeAdmin.HONG_KONG).toInstant().minusSeconds(1);
            } catch (DateTimeParseException e) {
                return render(exchange, shown.problem("date-invalid", "issue"), HttpStatus.BAD_REQUEST);
            }
            return badges.issue(exchange, achievement, company, validUntil, key)
                    .map(id -> redirect(back, "issued", id))
                    .onErrorResume(ServiceFailure.class, refused -> refused.status() == HttpStatus.NOT_FOUND && !refused.serviceDown()
                            // the directory knows no such company (the badge API answers 422 for its own refusals)
                            ? render(exchange, shown.problem("unknown-company", "issue"), HttpStatus.UNPROCESSABLE_CONTENT)
                            : AdminForms.inPlace(refused)
                            ? render(exchange, shown.problem(BadgeAdmin.problemKey(refused.problemType()), "issue"), AdminForms.status(refused))
                            : Mono.error(refused));
        });
    }

    /** A CSV file (or lines pasted) of company ids: one bulk issue, answered with a result per line. */
    @PostMapping(PATH + "/bulk")
    Mono<Rendering> bulk(ServerWebExchange exchange) {
        return exchange.getMultipartData().flatMap(parts -> field(parts, "achievement").zipWith(field(parts, "csv"))
                .flatMap(fields -> fileText(parts.getFirst("file")).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(file -> {
                    String achievement = FormText.clean(fields.getT1(), 80);
                    View shown = new View(null, null, null, null, null, null, null, new IssueForm(achievement, null, null, null), null, false);
                    if (!Ids.ACHIEVEMENT.isValid(achievement)) {
                        return render(exchange, shown.problem("achievement-missing", "bulk"), HttpStatus.BAD_REQUEST);
                    }
                    String text = file.filter(f -> !f.isEmpty()).orElse(fields.getT2());
                    if (FileText.TOO_LARGE.equals(text) || fields.getT2().length() > BulkCsv.MAX_BYTES) {
                        return render(exchange, shown.problem("csv-too-large", "bulk"), HttpStatus.BAD_REQUEST);
                    }
                    if (FileText.NOT_TEXT.equals(text)) {
                        return render(exchange, shown.problem("csv-not-text", "bulk"), HttpStatus.BAD_REQUEST);
                    }
                    BulkCsv.Parsed parsed = BulkCsv.parse(text);
                    if (parsed.problem() != null) {
                        return render(exchange, shown.problem("csv-" + parsed.problem(), "bulk"), HttpStatus.BAD_REQUEST);
                    }
                    return field(parts, "key").flatMap(key -> badges.bulkIssue(exchange, achievement, parsed.lines(), AdminForms.key(key)))
                            .flatMap(outcome -> render(exchange, new View(null, null, null, null, null, null, null, IssueForm.EMPTY, outcome, false),
                                    HttpStatus.OK))
                            .onErrorResume(ServiceFailure.class, refused -> AdminForms.inPlace(refused)
                                    ? render(exchange, shown.problem(BadgeAdmin.problemKey(refused.problemType()), "bulk"), AdminForms.status(refused))
                                    : Mono.error(refused));
                })));
    }

    @PostMapping(PATH + "/{id}/{action}")
    Mono<Rendering> act(@PathVariable String id, @PathVariable String action, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            View back = View.of(statusOr(form.getFirst("status")), companyOr(form.getFirst("filterCompany")))
                    .about(action, FormText.clean(form.getFirst("reason"), AdminForms.MAX_REASON));
            if (!Ids.BADGE.isValid(id) || !DONE.containsKey(action) || action.equals("issue")) {
                return Mono.error(new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND));
            }
            String reason = null;
            if (action.equals("suspend") || action.equals("revoke")) {
                String problem = AdminForms.reasonProblem(form);
                if (problem != null) {
                    return render(exchange, back.problem(problem, id), HttpStatus.BAD_REQUEST);
                }
                reason = FormText.clean(form.getFirst("reason"), AdminForms.MAX_REASON);
            }
            return badges.act(exchange, id, action, reason)
                    .map(status -> redirect(back, DONE.get(action), id))
                    .onErrorResume(ServiceFailure.class, refused -> AdminForms.inPlace(refused)
                            ? render(exchange, back.problem(BadgeAdmin.problemKey(refused.problemType()), id), AdminForms.status(refused))
                            : Mono.error(refused));
        });
    }

    private Mono<Rendering> render(ServerWebExchange exchange, View view, HttpStatus status) {
        return Mono.zip(badges.list(exchange, view.company(), view.status(), view.cursor()), activeAchievements(exchange))
                .map(t -> Rendering.view("admin/badges")
                        .modelAttribute("page", t.getT1())
                        .modelAttribute("view", view)
                        .modelAttribute("statuses", BadgeAdmin.STATUSES)
                        .modelAttribute("achievements", t.getT2())
                        .modelAttribute("key", view.issue().key() != null ? view.issue().key() : AdminForms.newKey())
                        .status(status).build());
    }

    private Mono<List<AchievementAdmin.Achievement>> activeAchievements(ServerWebExchange exchange) {
        return achievements.all(exchange).map(all -> all.stream().filter(a -> !a.archived()).toList());
    }

    private static Rendering redirect(View back, String done, String badge) {
        return Rendering.redirectTo(UriComponentsBuilder.fromPath(PATH)
                .queryParamIfPresent("status", Optional.ofNullable(back.status()))
                .queryParamIfPresent("company", Optional.ofNullable(back.company()))
                .queryParam("done", done).queryParam("badge", badge).build().toUriString()).build();
    }

    private static String statusOr(String status) {
        return status != null && BadgeAdmin.STATUSES.contains(status) ? status : null;
    }

    private static String companyOr(String company) {
        return Ids.COMPANY.isValid(company) ? company : null;
    }

    private static Mono<String> field(MultiValueMap<String, Part> parts, String name) {
        Part part = parts.getFirst(name);
        return Mono.just(part instanceof FormFieldPart field ? field.value() : "");
    }

    /** Markers for a file that cannot be used: larger than {@link BulkCsv#MAX_BYTES}, or not UTF-8 text. */
    private static final class FileText {
        static final String TOO_LARGE = "\u0000too-large";
        static final String NOT_TEXT = "\u0000not-text";
    }

    /** The uploaded file's text (UTF-8), a marker when it cannot be used, or empty when no file was chosen. */
    private static Mono<String> fileText(Part part) {
        if (!(part instanceof FilePart file)) {
            return Mono.empty();
        }
        return DataBufferUtils.join(file.content(), BulkCsv.MAX_BYTES)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                    } catch (CharacterCodingException e) {
                        return FileText.NOT_TEXT;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .onErrorResume(org.springframework.core.io.buffer.DataBufferLimitException.class, e -> Mono.just(FileText.TOO_LARGE))
                .defaultIfEmpty("");
    }
}
