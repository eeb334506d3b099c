package hk.esgone.web.admin.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.admin.SearchIndexAdmin;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Mono;

/**
 * The directory's search index for council staff: its state in words, a rebuild (runs in the background; the page
 * then shows its progress) and a reconcile (find and repair; the page shows what it found). Both need a ticked
 * confirmation; a rebuild already running and Elasticsearch not answering are explained in place. directory-service
 * decides who may see or do this.
 */
@Controller
class SearchIndexPageController {

    private static final String PATH = "/workspace/admin/search";

    private final SearchIndexAdmin index;

    SearchIndexPageController(SearchIndexAdmin index) {
        this.index = index;
    }

    @GetMapping(PATH)
    Mono<Rendering> status(@RequestParam(required = false) String done, ServerWebExchange exchange) {
        return page(exchange, done != null && done.matches("reindex|reconcile") ? done : null, null, HttpStatus.OK);
    }

    @PostMapping(PATH + "/{action}")
    Mono<Rendering> act(@PathVariable String action, ServerWebExchange exchange) {
        if (!action.equals("reindex") && !action.equals("reconcile")) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return exchange.getFormData().flatMap(form -> {
            if (!AdminForms.confirmed(form)) {
                return page(exchange, null, "not-confirmed:" + action, HttpStatus.BAD_REQUEST);
            }
            Mono<?> done = action.equals("reindex") ? index.reindex(exchange) : index.reconcile(exchange);
            return done.map(x -> Rendering.redirectTo(PATH + "?done=" + action).build())
                    .onErrorResume(ServiceFailure.class, refused -> {
                        if (refused.status() == HttpStatus.CONFLICT) {
                            return page(exchange, null, "running:" + action, HttpStatus.CONFLICT);
                        }
                        if (refused.status() == HttpStatus.SERVICE_UNAVAILABLE && "search-unavailable".equals(refused.problemType())) {
                            return page(exchange, null, "unavailable:" + action, HttpStatus.SERVICE_UNAVAILABLE);
                        }
                        return AdminForms.inPlace(refused) ? page(exchange, null, "refused:" + action, AdminForms.status(refused)) : Mono.error(refused);
                    });
        });
    }

    private Mono<Rendering> page(ServerWebExchange exchange, String done, String problem, HttpStatus status) {
        return index.status(exchange).map(s -> Rendering.view("admin/search")
                .modelAttribute("s", s)
                .modelAttribute("done", done)
                .modelAttribute("problem", problem == null ? null : problem.substring(0, problem.indexOf(':')))
                .modelAttribute("problemAt", problem == null ? null : problem.substring(problem.indexOf(':') + 1))
                .status(status).build());
    }
}
