package hk.esgone.assessment.benchmark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import hk.esgone.assessment.answering.Assessment;
import hk.esgone.assessment.answering.AssessmentService;
import hk.esgone.assessment.support.Bilingual;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Caller;
import reactor.core.publisher.Mono;

/**
 * Where a submitted assessment stands among its peers: the submitted assessments of the same questionnaire key and
 * reporting year in the same industry (HSIC section), and in the same industry and size band, the company itself
 * included. Shown only for a group of at least {@link #MINIMUM_PEERS} companies, so that nobody can be singled out;
 * below that the answer says so and carries no figure, not even the group's size. Computed with {@link Percentile#of}
 * from the group's sorted figures ({@link PeerDistributions}); nothing but the figures of a peer is read.
 */
@Service
public class BenchmarkService {

    public static final int MINIMUM_PEERS = 10;

    static final Bilingual NOT_ENOUGH = Bilingual.of(
            "Not enough peers yet: percentiles are shown when at least " + MINIMUM_PEERS + " companies have submitted.",
            "同業數目不足：須最少有" + MINIMUM_PEERS + "間公司提交評估，才會顯示百分位。");
    static final Bilingual NO_INTENSITY = Bilingual.of(
            "Carbon intensity: no figure per employee in your footprint, or not enough peers with one.",
            "碳強度：你的碳足跡沒有按僱員計算的數字，或有此數字的同業不足。");

    private final AssessmentService assessments;
    private final PeerDistributions distributions;

    BenchmarkService(AssessmentService assessments, PeerDistributions distributions) {
        this.assessments = assessments;
        this.distributions = distributions;
    }

    public enum Scope {
        INDUSTRY,
        INDUSTRY_AND_SIZE
    }

    /**
     * @param percentile 0-100, one decimal; the share of the group doing worse plus half of those level with it
     */
    public record FigureRank(Figure figure, BigDecimal value, BigDecimal percentile, boolean lowerIsBetter) {
    }

    /**
     * @param enoughPeers false: {@code figures} is empty and {@code note} says why
     */
    public record GroupRank(Scope scope, String industry, String sizeBand, boolean enoughPeers, List<FigureRank> figures,
            List<Bilingual> notes) {

        public GroupRank {
            figures = List.copyOf(figures);
            notes = List.copyOf(notes);
        }
    }

    public record Benchmark(Assessment assessment, int minimumPeers, List<GroupRank> groups) {
    }

    public Mono<Benchmark> benchmark(Caller caller, String id) {
        return assessments.get(caller, id).flatMap(read -> {
            Assessment a = read.assessment();
            if (a.isDraft() || a.scorecardJson() == null) {
                return Mono.error(new ApiProblem(HttpStatus.NOT_FOUND, "benchmark-not-ready", "Not found",
                        "Assessment '" + id + "' is a draft: it is compared with peers once it is submitted."));
            }
            PeerFigures mine = PeerFigures.fromScorecard(assessments.scorecardOf(a));
            Mono<GroupRank> industry = rank(Scope.INDUSTRY, PeerFigures.group(a.questionnaireKey(), a.year(), a.industry(), null),
                    a.industry(), null, mine);
            Mono<GroupRank> sized = rank(Scope.INDUSTRY_AND_SIZE,
                    PeerFigures.group(a.questionnaireKey(), a.year(), a.industry(), a.sizeBand()), a.industry(), a.sizeBand(), mine);
            return Mono.zip(industry, sized).map(both -> new Benchmark(a, MINIMUM_PEERS, List.of(both.getT1(), both.getT2())));
        });
    }

    /**
     * The group's figures from {@link PeerDistributions}; read again at once when the company's own figure is not
     * among them (the group was read before it was submitted or re-scored) or when the group held is too small (it is
     * cheap to read, and it shows figures as soon as the tenth company submits). A group too small reveals nothing.
     */
    private Mono<GroupRank> rank(Scope scope, String group, String industry, String sizeBand, PeerFigures mine) {
        return distributions.of(group)
                .flatMap(held -> includes(held, mine) && held.size(Figure.OVERALL) >= MINIMUM_PEERS ? Mono.just(held)
                        : distributions.fresh(group))
                .map(figures -> {
                    if (figures.size(Figure.OVERALL) < MINIMUM_PEERS) {
                        return new GroupRank(scope, industry, sizeBand, false, List.of(), List.of(NOT_ENOUGH));
                    }
                    List<FigureRank> ranks = new ArrayList<>();
                    for (Figure figure : Figure.values()) {
                        FigureRank rank = figureRank(figures, figure, mine);
                        if (rank != null) {
                            ranks.add(rank);
                        }
                    }
                    List<Bilingual> notes = new ArrayList<>();
                    if (ranks.stream().noneMatch(r -> r.figure() == Figure.CARBON_INTENSITY)) {
                        notes.add(NO_INTENSITY);
                    }
                    return new GroupRank(scope, industry, sizeBand, true, ranks, notes);
                });
    }

    private static boolean includes(PeerDistributions.Distribution figures, PeerFigures mine) {
        Long overall = mine.stored(Figure.OVERALL);
        return overall == null || figures.equal(Figure.OVERALL, overall) >= 1;
    }

    /**
     * One figure's rank, or null. Carbon intensity has its own group size (peers without a per-employee figure are
     * not in it) and the same minimum; lower is better, so "worse" counts the higher ones.
     */
    private static FigureRank figureRank(PeerDistributions.Distribution figures, Figure figure, PeerFigures mine) {
        Long value = mine.stored(figure);
        if (value == null) {
            return null;
        }
        int total = figures.size(figure);
        int equal = figures.equal(figure, value);
        if (total < MINIMUM_PEERS || equal < 1) {
            return null;
        }
        return new FigureRank(figure, mine.values().get(figure), Percentile.of(figures.worse(figure, value), equal, total),
                figure.lowerIsBetter());
    }
}
