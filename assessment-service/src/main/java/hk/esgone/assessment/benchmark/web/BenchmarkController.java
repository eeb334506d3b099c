package hk.esgone.assessment.benchmark.web;

import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.assessment.benchmark.BenchmarkService;
import hk.esgone.assessment.benchmark.InsightService;
import hk.esgone.platform.security.Callers;
import reactor.core.publisher.Mono;

/** The peer benchmark of a submitted assessment, and the public industry insight. */
@RestController
class BenchmarkController {

    private final BenchmarkService benchmarks;
    private final InsightService insights;

    BenchmarkController(BenchmarkService benchmarks, InsightService insights) {
        this.benchmarks = benchmarks;
        this.insights = insights;
    }

    record BenchmarkView(String assessmentId, String companyId, int year, String questionnaireKey, String industry,
            String sizeBand, Instant submittedAt, int minimumPeers, java.util.List<BenchmarkService.GroupRank> groups) {
    }

    @GetMapping(path = "/api/v1/assessments/{id}/benchmark", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<BenchmarkView> benchmark(@PathVariable String id) {
        return Callers.required().flatMap(caller -> benchmarks.benchmark(caller, id)).map(b -> new BenchmarkView(
                b.assessment().id(), b.assessment().companyId(), b.assessment().year(), b.assessment().questionnaireKey(),
                b.assessment().industry(), b.assessment().sizeBand(), b.assessment().submittedAt(), b.minimumPeers(), b.groups()));
    }

    /**
     * @param industry HSIC section code
     * @param size     size band (optional)
     * @param year     reporting year (optional; last calendar year)
     */
    @GetMapping(path = "/api/v1/assessments/insights", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<InsightService.Insights> insights(@RequestParam(required = false) String industry,
            @RequestParam(required = false) String size, @RequestParam(required = false) String year) {
        return insights.insights(industry, size, year);
    }
}
