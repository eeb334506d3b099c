package hk.esgone.web.home.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;

import hk.esgone.web.home.HomeFiguresService;
import reactor.core.publisher.Mono;

/** The home page: search box, live figures, and a way in for buyers, SMEs and partners. */
@Controller
class HomePageController {

    private final HomeFiguresService figures;

    HomePageController(HomeFiguresService figures) {
        this.figures = figures;
    }

    @GetMapping("/")
    Mono<Rendering> home() {
        return figures.figures().map(f -> Rendering.view("home").modelAttribute("figures", f).build());
    }
}
