package hk.esgone.assessment.benchmark;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import hk.esgone.assessment.benchmark.store.PeerStore;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives the figures peers are compared on to assessments submitted before they were stored with the submission
 * (once; later submissions store them in the same update). Each write is conditional on there being none yet.
 */
@Component
public class PeerFiguresBackfill {

    private static final Logger log = LoggerFactory.getLogger(PeerFiguresBackfill.class);

    private final PeerStore peers;
    private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    PeerFiguresBackfill(PeerStore peers) {
        this.peers = peers;
    }

    public Mono<Void> indexesAndBackfill() {
        return peers.createIndexes().then(peers.submittedWithoutFigures()
                .concatMap(this::fill)
                .filter(Boolean::booleanValue)
                .count()
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Peer figures added to {} submitted assessment(s) stored without them", n);
                    }
                })
                .then());
    }

    private Mono<Boolean> fill(Document doc) {
        String scorecard = doc.getString("scorecardJson");
        if (scorecard == null) {
            return Mono.just(false);
        }
        PeerFigures figures = PeerFigures.fromScorecard(json.readTree(scorecard));
        return peers.setFigures(doc.getString("_id"), figures.fields(doc.getString("questionnaireKey"),
                doc.getInteger("year", 0), doc.getString("industry"), doc.getString("sizeBand")));
    }
}
