package hk.esgone.assessment.config;

import java.time.Duration;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import hk.esgone.assessment.answering.store.AssessmentStore;
import hk.esgone.assessment.badges.store.BadgeStateStore;
import hk.esgone.assessment.benchmark.PeerFiguresBackfill;
import hk.esgone.assessment.catalogue.QuestionnaireCatalogue;
import hk.esgone.assessment.catalogue.store.QuestionnaireStore;
import hk.esgone.assessment.evidence.EvidenceCountsBackfill;
import hk.esgone.assessment.evidence.store.EvidenceFileStore;
import reactor.core.publisher.Mono;

/**
 * Creates the indexes the design relies on (one assessment per company and year, one document per questionnaire
 * version, the peer-count indexes of the benchmark) and publishes the shipped questionnaire when none is stored,
 * before requests are served. Submitted assessments stored before peer figures existed get theirs here.
 */
@Component
class DatabaseSetup implements InitializingBean {

    private final AssessmentStore assessments;
    private final BadgeStateStore badgeStates;
    private final QuestionnaireStore questionnaires;
    private final QuestionnaireCatalogue catalogue;
    private final PeerFiguresBackfill peerFigures;
    private final EvidenceFileStore evidenceFiles;
    private final EvidenceCountsBackfill evidenceCounts;

    DatabaseSetup(AssessmentStore assessments, BadgeStateStore badgeStates, QuestionnaireStore questionnaires,
            QuestionnaireCatalogue catalogue, PeerFiguresBackfill peerFigures, EvidenceFileStore evidenceFiles,
            EvidenceCountsBackfill evidenceCounts) {
        this.evidenceFiles = evidenceFiles;
        this.evidenceCounts = evidenceCounts;
        this.assessments = assessments;
        this.badgeStates = badgeStates;
        this.questionnaires = questionnaires;
        this.catalogue = catalogue;
        this.peerFigures = peerFigures;
    }

    @Override
    public void afterPropertiesSet() {
        // start-up, not a request path: waiting here keeps the service from serving without its unique indexes
        Mono.when(assessments.createIndexes(), badgeStates.createIndexes(), questionnaires.createIndexes(),
                peerFigures.indexesAndBackfill(), evidenceFiles.createIndexes(), evidenceCounts.createIndex())
                .then(catalogue.seed())
                .block(Duration.ofSeconds(60));
    }
}
