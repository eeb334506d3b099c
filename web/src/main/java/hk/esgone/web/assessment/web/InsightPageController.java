package hk.esgone.web.assessment.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

import hk.esgone.web.assessment.Assessments;
import hk.esgone.web.assessment.Insights;
import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceFailure;
import hk.esgone.web.workspace.DirectoryChoices;
import reactor.core.publisher.Mono;

/**
 * The public industry insight: what share of a peer group (industry, optionally size band) does each practice, from
 * assessment-service's aggregates. A plain GET form; without an industry only the form is shown. A choice that is not
 * on the lists, or that the service refuses, gets the form again with a message (400), never an error page.
 */
@Controller
class InsightPageController {

    private static final List<String> SECTIONS = List.of("E", "S", "G");
    /** As the service's minimum group size; shown in the lead before any answer says otherwise. */
    private static final int MINIMUM_PEERS = 10;

    private final Assessments assessments;

    InsightPageController(Assessments assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/insights")
    Mono<Rendering> insights(@RequestParam MultiValueMap<String, String> params) {
        String industry = blankToNull(params.getFirst("industry"));
        String size = blankToNull(params.getFirst("size"));
        String year = blankToNull(params.getFirst("year"));
        boolean industryOk = industry != null && industry.matches("[A-U]");
        boolean sizeOk = size == null || Assessments.SIZE_BANDS.contains(size);
        boolean yearOk = year == null || year.matches("[0-9]{4}");
        return assessments.industryChoices().flatMap(industries -> {
            if (industry == null && size == null && year == null) {
                return Mono.just(page(industries, null, null, null, null, HttpStatus.OK));
            }
            if (!industryOk || !sizeOk || !yearOk) {
                return Mono.just(page(industries, industryOk ? industry : null, sizeOk ? size : null, null, "choose", HttpStatus.BAD_REQUEST));
            }
            return assessments.insights(industry, size, year == null ? null : Integer.valueOf(year))
                    .map(found -> page(industries, industry, size, found, null, HttpStatus.OK))
                    .onErrorResume(ServiceFailure.class, e -> Mono.just(e.serviceDown() || e.status() == HttpStatus.UNAUTHORIZED
                            ? page(industries, industry, size, null, "unavailable", HttpStatus.SERVICE_UNAVAILABLE)
                            // the service does not know a choice (a size band it does not ask about, a year to come)
                            : page(industries, industry, size, null, "refused", HttpStatus.BAD_REQUEST)));
        });
    }

    private static Rendering page(List<DirectoryChoices.Choice> industries, String industry, String size, Insights insights, String problem,
                                  HttpStatus status) {
        Bilingual name = industries.stream().filter(c -> c.code().equals(industry)).map(DirectoryChoices.Choice::label).findFirst()
                .orElse(new Bilingual(industry, industry));
        return Rendering.view("assessment/insights")
                .modelAttribute("industries", industries)
                .modelAttribute("industry", industry)
                .modelAttribute("size", size)
                .modelAttribute("sizeBands", Assessments.SIZE_BANDS)
                .modelAttribute("insights", insights)
                .modelAttribute("industryNameText", name)
                .modelAttribute("sections", SECTIONS)
                .modelAttribute("minimumPeers", insights != null ? insights.minimumPeers() : MINIMUM_PEERS)
                .modelAttribute("problem", problem)
                .status(status).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
