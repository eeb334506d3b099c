package hk.esgone.assessment.evidence.store;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import hk.esgone.assessment.evidence.EvidenceFile;
import reactor.core.publisher.Mono;

/**
 * The {@code evidence_files} collection: one document per file and assessment. Reads that need only what a file is
 * leave its bytes out.
 */
@Component
public class EvidenceFileStore {

    private final ReactiveMongoTemplate mongo;

    EvidenceFileStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Counting an assessment's files. */
    public Mono<Void> createIndexes() {
        return mongo.indexOps(EvidenceFileDocument.class)
                .createIndex(new Index().on("assessmentId", Sort.Direction.ASC).named("evidence_assessment"))
                .then();
    }

    /** Stores a file: true when stored now, false when these bytes were already stored for the assessment. */
    public Mono<Boolean> insert(String assessmentId, String companyId, EvidenceFile file, byte[] data, Instant now, String by) {
        return mongo.insert(new EvidenceFileDocument(EvidenceFileDocument.id(assessmentId, file.sha256()), assessmentId, companyId,
                        file.sha256(), file.fileName(), file.size(), file.contentType(), now, by, data))
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    /** What the file with this hash stored for the assessment is (without its bytes); empty when there is none. */
    public Mono<EvidenceFile> find(String assessmentId, String sha256) {
        Query query = Query.query(Criteria.where("_id").is(EvidenceFileDocument.id(assessmentId, sha256)));
        query.fields().exclude("data");
        return mongo.findOne(query, EvidenceFileDocument.class).map(EvidenceFileStore::file);
    }

    /** The file with its bytes; empty when there is none. */
    public Mono<StoredBytes> findWithBytes(String assessmentId, String sha256) {
        return mongo.findById(EvidenceFileDocument.id(assessmentId, sha256), EvidenceFileDocument.class)
                .map(doc -> new StoredBytes(file(doc), doc.data()));
    }

    /** How many files the assessment has. */
    public Mono<Long> count(String assessmentId) {
        return mongo.count(Query.query(Criteria.where("assessmentId").is(assessmentId)), EvidenceFileDocument.class);
    }

    /** A stored file and its bytes. */
    public record StoredBytes(EvidenceFile file, byte[] data) {
    }

    private static EvidenceFile file(EvidenceFileDocument doc) {
        return new EvidenceFile(doc.sha256(), doc.fileName(), doc.size(), doc.contentType());
    }
}
