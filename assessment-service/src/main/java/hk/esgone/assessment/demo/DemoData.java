package hk.esgone.assessment.demo;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import hk.esgone.assessment.answering.AssessmentService;
import hk.esgone.assessment.catalogue.AnswerInput;
import hk.esgone.assessment.catalogue.Form;
import hk.esgone.assessment.config.AssessmentProperties;
import hk.esgone.platform.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With demo data on ({@code ESG_ASSESSMENT_DEMO_DATA=true}), the demo SME company ({@code cmp-demo-supplier}, a small
 * manufacturer, as in directory-service's and badge-service's demo data) gets a submitted assessment for last year,
 * answered and scored through the same service calls as a person's, so its scorecard is a real one. Idempotent: a
 * company that already has that year's assessment is left alone.
 */
@Component
class DemoData {

    static final String DEMO_SUPPLIER = "cmp-demo-supplier";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** Plausible yearly figures of a small Kwun Tong metal workshop, by the unit a question asks for. */
    private static final Map<String, String> FIGURES = Map.of("kWh", "186000", "litres", "2400", "kg", "35",
            "towngas-units", "1300", "m3", "2100", "headcount", "32", "HKD", "26500000", "hours", "14", "tCO2e", "0");

    private final AssessmentProperties properties;
    private final AssessmentService assessments;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    DemoData(AssessmentProperties properties, AssessmentService assessments, Clock clock) {
        this.properties = properties;
        this.assessments = assessments;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!properties.demoData()) {
            return;
        }
        int lastYear = clock.instant().atZone(ZoneOffset.UTC).getYear() - 1;
        Caller owner = new Caller("demo-data", "sme@demo.esg-one.test", "sme@demo.esg-one.test", Set.of(Caller.ROLE_SME),
                Set.of(DEMO_SUPPLIER));
        assessments.list(owner, DEMO_SUPPLIER).filter(read -> read.assessment().year() == lastYear).hasElements()
                .flatMap(exists -> exists ? Mono.<Void>empty() : submitted(owner, lastYear))
                .doOnError(e -> log.warn("Demo assessment not created: {}", e.toString()))
                .onErrorComplete()
                // start-up of a demo: waiting keeps the demo consistent for the first page views
                .block(java.time.Duration.ofSeconds(60));
    }

    private Mono<Void> submitted(Caller owner, int year) {
        return assessments.start(owner, new AssessmentService.Start(DEMO_SUPPLIER, year, "C", "SMALL"))
                .flatMap(read -> Flux.fromIterable(read.form().applicable("C", "SMALL"))
                        .concatMap(q -> assessments.saveAnswer(owner, read.assessment().id(), q.id(),
                                new AssessmentService.AnswerChange(answer(q), 0)))
                        .then(assessments.submit(owner, read.assessment().id())))
                .doOnNext(read -> log.info("Demo data: {} has a submitted assessment for {} ({})", DEMO_SUPPLIER, year,
                        read.assessment().id()))
                .then();
    }

    /** A plausible answer: good practice on most questions, figures of a small workshop. */
    private AnswerInput answer(Form.Question q) {
        JsonNode value = switch (q.type()) {
            case "YES_NO" -> json.getNodeFactory().booleanNode(!q.id().endsWith("3"));
            case "SINGLE_CHOICE" -> json.getNodeFactory().stringNode(q.choices().get(q.choices().size() - 1));
            case "MULTIPLE_CHOICE" -> json.valueToTree(List.of(q.choices().get(0)));
            case "PERCENTAGE" -> json.getNodeFactory().numberNode(new java.math.BigDecimal("35"));
            case "NUMBER" -> json.getNodeFactory().numberNode(new java.math.BigDecimal(FIGURES.getOrDefault(q.unit(), "10")));
            default -> json.getNodeFactory().stringNode("We review this every year with our staff and main customers.");
        };
        return new AnswerInput(value, q.unit(), false, null, null);
    }
}
