package hk.esgone.web.partner.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.offers.OfferCatalogue;
import hk.esgone.web.partner.OfferEditor;
import hk.esgone.web.partner.OfferEditorForm;
import hk.esgone.web.partner.OfferEditorForm.Problem;
import hk.esgone.web.support.PageLocales;
import hk.esgone.web.support.PageModel;
import hk.esgone.web.support.ServiceFailure;
import hk.esgone.web.workspace.DirectoryChoices;
import hk.esgone.web.workspace.MyCompany;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A partner's offer editor: every field of offers-service's offer request, English and Chinese side by side;
 * <b>Save draft</b> (a new offer is created and the page moves to its edit address; a draft is saved on the version
 * read, and a draft saved by someone else meanwhile is never overwritten: the page shows what differs and keeps what
 * was typed), <b>Preview</b> (the offer as its public page will show it, in English and Chinese side by side, from
 * what is typed, nothing sent) and <b>Submit for approval</b> (saved first). What the portal can check is named
 * before anything is sent; offers-service's refusals appear beside their fields. An offer that is no longer a
 * draft opens read-only with the reason. Plain POST forms: works without JavaScript.
 */
@Controller
class OfferEditorPageController {

    static final String LIST = "/workspace/partner/offers";
    /** Refusals of a submit the edit page explains by name (the rest as "other"). */
    private static final Set<String> SUBMIT_REFUSALS = Set.of("code-pool-empty", "validation", "invalid-transition");

    private final OfferEditor editor;
    private final DirectoryChoices directory;
    private final MessageSource messages;

    OfferEditorPageController(OfferEditor editor, DirectoryChoices directory, MessageSource messages) {
        this.editor = editor;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping(LIST + "/new")
    Mono<Rendering> blank(ServerWebExchange exchange) {
        return partner(exchange).then(Mono.defer(() -> page(exchange, Page.of(null, OfferEditorForm.blank()), HttpStatus.OK)));
    }

    @PostMapping(LIST + "/new")
    Mono<Rendering> create(ServerWebExchange exchange) {
        return partner(exchange).then(exchange.getFormData()).flatMap(form -> {
            Map<String, Problem> problems = new LinkedHashMap<>();
            OfferEditorForm typed = OfferEditorForm.read(form, problems);
            Page page = Page.of(null, typed).withProblems(problems);
            String action = action(form);
            if (action.equals("preview")) {
                return preview(exchange, page);
            }
            if (!problems.isEmpty()) {
                return page(exchange, page, HttpStatus.BAD_REQUEST);
            }
            return editor.create(exchange, typed)
                    .flatMap(created -> action.equals("submit") ? submit(exchange, created.id()) : saved(created.id()))
                    .onErrorResume(ServiceFailure.class, refused -> refusedSave(exchange, page, refused));
        });
    }

    @GetMapping(LIST + "/{id}/edit")
    Mono<Rendering> edit(@PathVariable String id, @RequestParam(required = false) String saved,
                         @RequestParam(required = false) String refused, ServerWebExchange exchange) {
        return partner(exchange).then(known(id)).then(Mono.defer(() -> editor.load(exchange, id))).flatMap(stored -> {
            Page page = Page.of(stored, stored.form());
            if (saved != null && stored.editable()) {
                page = page.withNotice("saved");
            }
            if (refused != null) {
                page = page.withRefusal("submit-" + (SUBMIT_REFUSALS.contains(refused) ? refused : "other"));
            }
            // read-only: the offer as its public page shows it, below the reason
            return stored.editable() ? page(exchange, page, HttpStatus.OK) : preview(exchange, page);
        });
    }

    @PostMapping(LIST + "/{id}/edit")
    Mono<Rendering> save(@PathVariable String id, ServerWebExchange exchange) {
        return partner(exchange).then(known(id)).then(exchange.getFormData()).flatMap(form -> {
            Map<String, Problem> problems = new LinkedHashMap<>();
            OfferEditorForm typed = OfferEditorForm.read(form, problems);
            String version = form.getFirst("version");
            String action = action(form);
            // the draft is read again in every case: it must be the company's (else the service's 404 → the 404 page)
            // and still a draft at the version the form was opened with before anything is written
            return editor.load(exchange, id).flatMap(stored -> {
                Page page = Page.of(stored, typed).withVersion(version).withProblems(problems);
                if (action.equals("preview")) {
                    return preview(exchange, page);
                }
                if (!stored.editable()) {
                    return page(exchange, page.withVersion(stored.version()).withRefusal("not-editable"), HttpStatus.CONFLICT);
                }
                if (!problems.isEmpty()) {
                    return page(exchange, page, HttpStatus.BAD_REQUEST);
                }
                if (!stored.isVersion(version)) {
                    // saved by someone else since this form was opened: nothing is written; what differs is shown, what
                    // was typed is kept, and saving again applies it on top of the version now stored
                    return page(exchange, page.withVersion(stored.version()).withRefusal("stale")
                            .withDifferences(OfferEditorForm.differences(stored.form(), typed)), HttpStatus.CONFLICT);
                }
                return editor.save(exchange, id, typed)
                        .flatMap(after -> action.equals("submit") ? submit(exchange, id) : saved(id))
                        .onErrorResume(ServiceFailure.class, refused -> refusedSave(exchange, page, refused));
            });
        });
    }

    private Mono<Rendering> submit(ServerWebExchange exchange, String id) {
        return editor.submit(exchange, id)
                .map(sent -> Rendering.redirectTo(UriComponentsBuilder.fromPath(LIST).queryParam("done", "submitted")
                        .queryParam("offer", id).build().toUriString()).build())
                .onErrorResume(ServiceFailure.class, refused -> keep(refused) ? Mono.error(refused)
                        // the draft is saved; the edit page says why it was not sent
                        : Mono.just(Rendering.redirectTo(LIST + "/" + id + "/edit?saved=1&refused=" + refused.problemType()).build()));
    }

    private static Mono<Rendering> saved(String id) {
        return Mono.just(Rendering.redirectTo(LIST + "/" + id + "/edit?saved=1").build());
    }

    /** offers-service's refusal of a save: beside the fields (400/422), or the page's notice (409). */
    private Mono<Rendering> refusedSave(ServerWebExchange exchange, Page page, ServiceFailure refused) {
        if (keep(refused)) {
            return Mono.error(refused);
        }
        if (refused.status() == HttpStatus.CONFLICT) {
            return page(exchange, page.withRefusal("not-editable"), HttpStatus.CONFLICT);
        }
        return page(exchange, page.withProblems(fieldErrors(refused.problem())), HttpStatus.BAD_REQUEST);
    }

    /** Refusals the error pages explain better than the form: down, signed out, forbidden, not found. */
    private static boolean keep(ServiceFailure refused) {
        return refused.serviceDown() || refused.status() == HttpStatus.UNAUTHORIZED || refused.status() == HttpStatus.FORBIDDEN
                || refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.TOO_MANY_REQUESTS;
    }

    /** offers-service's field errors ({@code errors[].field}, as {@code title.zhHant}) as the form's fields. */
    static Map<String, Problem> fieldErrors(JsonNode problem) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (JsonNode error : problem.path("errors")) {
            String field = formField(error.path("field").asString(""));
            problems.putIfAbsent(field, new Problem("refused", null));
        }
        if (problems.isEmpty()) {
            problems.put("other", new Problem("refused", null));
        }
        return problems;
    }

    static String formField(String field) {
        return switch (field) {
            case "title", "title.en" -> "titleEn";
            case "title.zhHant" -> "titleZh";
            case "description", "description.en" -> "descriptionEn";
            case "description.zhHant" -> "descriptionZh";
            case "terms", "terms.en" -> "termsEn";
            case "terms.zhHant" -> "termsZh";
            case "type", "value", "category", "validFrom", "validUntil", "quota", "perCompanyLimit" -> field;
            case "currency" -> "value";
            case "eligibility.requiredAchievementId" -> "achievement";
            case "eligibility.minScorecardLevel" -> "minLevel";
            case "redemption", "redemption.method" -> "method";
            case "redemption.link" -> "link";
            default -> field.startsWith("eligibility.industries") ? "industries" : "other";
        };
    }

    private Mono<Rendering> preview(ServerWebExchange exchange, Page page) {
        return MyCompany.of(exchange).defaultIfEmpty("")
                .flatMap(company -> editor.preview(page.typed(), company.isEmpty() ? null : company))
                .flatMap(offer -> page(exchange, page.withPreview(offer), HttpStatus.OK));
    }

    private Mono<Rendering> page(ServerWebExchange exchange, Page page, HttpStatus status) {
        // the industries offered come from the directory; when it cannot answer, the ones already chosen stay listed
        return directory.choices().map(DirectoryChoices.Choices::industries)
                .onErrorResume(e -> Mono.just(List.of()))
                .map(industries -> {
                    String id = page.stored() == null ? null : page.stored().id();
                    Map<String, Problem> ordered = new LinkedHashMap<>();
                    OfferEditorForm.FIELDS.stream().filter(page.problems()::containsKey).forEach(f -> ordered.put(f, page.problems().get(f)));
                    page.problems().forEach(ordered::putIfAbsent);
                    return Rendering.view("partner/editor")
                            .modelAttribute("offerId", id)
                            .modelAttribute("formAction", id == null ? LIST + "/new" : LIST + "/" + id + "/edit")
                            .modelAttribute("offerStatus", page.stored() == null ? null : page.stored().status())
                            .modelAttribute("reviewNote", page.stored() == null ? null : page.stored().reviewNote())
                            .modelAttribute("readOnly", page.stored() != null && !page.stored().editable())
                            .modelAttribute("version", page.version())
                            .modelAttribute("typed", page.typed())
                            .modelAttribute("problems", ordered)
                            .modelAttribute("differences", page.differences())
                            .modelAttribute("notice", page.notice())
                            .modelAttribute("refusal", page.refusal())
                            .modelAttribute("preview", page.preview())
                            .modelAttribute("previewTexts", previewTexts(exchange))
                            .modelAttribute("industryChoices", industries)
                            .modelAttribute("types", OfferCatalogue.TYPES)
                            .modelAttribute("categories", OfferCatalogue.CATEGORIES)
                            .modelAttribute("levels", OfferEditorForm.LEVELS)
                            .modelAttribute("methods", OfferEditorForm.METHODS)
                            .status(status).build();
                });
    }

    /** The preview's two languages, the page's own first. */
    private List<OfferEditorTexts> previewTexts(ServerWebExchange exchange) {
        OfferEditorTexts english = new OfferEditorTexts(messages, PageLocales.ENGLISH);
        OfferEditorTexts chinese = new OfferEditorTexts(messages, PageLocales.CHINESE);
        return PageLocales.CHINESE.equals(PageLocales.of(exchange)) ? List.of(chinese, english) : List.of(english, chinese);
    }

    private static String action(MultiValueMap<String, String> form) {
        String action = form.getFirst("action");
        return "preview".equals(action) || "submit".equals(action) ? action : "save";
    }

    /** An id that is no offer id is no offer: the 404 page, nothing asked. */
    private static Mono<Void> known(String id) {
        return Ids.OFFER.isValid(id) ? Mono.empty() : Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The editor is for partners' members: anyone else gets the 403 page (offers-service would refuse them too). */
    private static Mono<Void> partner(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .map(p -> PageModel.account((OAuth2AuthenticationToken) p))
                .filter(account -> account.has("partner"))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.FORBIDDEN)))
                .then();
    }

    /** What one rendering of the editor shows. */
    record Page(OfferEditor.Stored stored, OfferEditorForm typed, String version, Map<String, Problem> problems,
                List<OfferEditorForm.Difference> differences, String notice, String refusal, OfferCatalogue.Offer preview) {

        static Page of(OfferEditor.Stored stored, OfferEditorForm typed) {
            return new Page(stored, typed, stored == null ? null : stored.version(), Map.of(), List.of(), null, null, null);
        }

        Page withVersion(String other) {
            return new Page(stored, typed, other, problems, differences, notice, refusal, preview);
        }

        Page withProblems(Map<String, Problem> found) {
            return new Page(stored, typed, version, Map.copyOf(found), differences, notice, refusal, preview);
        }

        Page withDifferences(List<OfferEditorForm.Difference> found) {
            return new Page(stored, typed, version, problems, List.copyOf(found), notice, refusal, preview);
        }

        Page withNotice(String text) {
            return new Page(stored, typed, version, problems, differences, text, refusal, preview);
        }

        Page withRefusal(String why) {
            return new Page(stored, typed, version, problems, differences, notice, why, preview);
        }

        Page withPreview(OfferCatalogue.Offer offer) {
            return new Page(stored, typed, version, problems, differences, notice, refusal, offer);
        }
    }
}
