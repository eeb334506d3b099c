package hk.esgone.assessment.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import hk.esgone.assessment.answering.Assessment;
import hk.esgone.assessment.answering.AssessmentService;
import hk.esgone.assessment.evidence.store.EvidenceFileStore;
import hk.esgone.assessment.questionnaire.Evidence;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Caller;
import reactor.core.publisher.Mono;

/**
 * Evidence files: uploaded by the company's SME accounts to a draft assessment, kept in MongoDB with the SHA-256 of
 * their bytes, then attached to an answer by that hash (answering refuses a hash not stored for the assessment), read
 * back by the company's members and admins. Anyone else is told the assessment (or file) does not exist.
 */
@Service
public class EvidenceFiles {

    /** Files one assessment may hold: a few per question that takes evidence, with room for replacements. */
    public static final int MAX_FILES_PER_ASSESSMENT = 50;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final AssessmentService assessments;
    private final EvidenceFileStore store;
    private final Clock clock;

    EvidenceFiles(AssessmentService assessments, EvidenceFileStore store, Clock clock) {
        this.assessments = assessments;
        this.store = store;
        this.clock = clock;
    }

    /** A stored file, and whether this upload stored it (false: the same bytes were already there). */
    public record Uploaded(EvidenceFile file, boolean created) {
    }

    /**
     * The draft a caller may upload to, checked before the body is read: 404 as for any assessment the caller does not
     * see, 403 for one they see but do not answer (an admin), 409 once submitted.
     */
    public Mono<Assessment> uploadTarget(Caller caller, String assessmentId) {
        return assessments.get(caller, assessmentId).map(AssessmentService.Read::assessment).flatMap(assessment -> {
            if (!caller.hasRole(Caller.ROLE_SME) || !caller.isMemberOf(assessment.companyId())) {
                return Mono.error(ApiProblem.forbidden("Only the company's SME accounts upload evidence to its assessment."));
            }
            if (!assessment.isDraft()) {
                return Mono.error(ApiProblem.conflict("assessment-submitted",
                        "Assessment '" + assessmentId + "' is submitted: no more evidence can be added to it."));
            }
            return Mono.just(assessment);
        });
    }

    /** Stores the bytes of an upload (already at most {@link Evidence#MAX_FILE_BYTES}) for the draft. */
    public Mono<Uploaded> upload(Caller caller, Assessment draft, String uploadedName, byte[] bytes) {
        if (bytes.length == 0) {
            return Mono.error(ApiProblem.validation("The file is empty. Choose a file of 1 byte to 5 MB."));
        }
        if (bytes.length > Evidence.MAX_FILE_BYTES) {
            return Mono.error(fileTooLarge());
        }
        String contentType = FileTypes.of(bytes, uploadedName);
        if (contentType == null) {
            return Mono.error(new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported file type",
                    "This file is not one of the accepted types: " + FileTypes.ACCEPTED + ".",
                    Map.of("accepted", FileTypes.ACCEPTED, "acceptedZhHant", FileTypes.ACCEPTED_ZH)));
        }
        String sha256 = sha256(bytes);
        EvidenceFile file = new EvidenceFile(sha256, FileNames.clean(uploadedName, "evidence"), bytes.length, contentType);
        return store.find(draft.id(), sha256)
                .map(existing -> new Uploaded(existing, false))
                .switchIfEmpty(Mono.defer(() -> store.count(draft.id()).flatMap(count -> {
                    if (count >= MAX_FILES_PER_ASSESSMENT) {
                        return Mono.error(ApiProblem.conflict("too-many-files", "This assessment already has "
                                + MAX_FILES_PER_ASSESSMENT + " evidence files; no more can be added."));
                    }
                    return store.insert(draft.id(), draft.companyId(), file, bytes, clock.instant(), caller.subject())
                            .flatMap(created -> created ? Mono.just(new Uploaded(file, true))
                                    // the same bytes stored at the same moment by another request: that record is the one
                                    : store.find(draft.id(), sha256).map(existing -> new Uploaded(existing, false)));
                })));
    }

    /** A stored file and its bytes. */
    public record Download(EvidenceFile file, byte[] data) {
    }

    /** A file of the assessment, for the company's SME members and admins; 404 for anyone else and any unknown id. */
    public Mono<Download> download(Caller caller, String assessmentId, String sha256) {
        return assessments.get(caller, assessmentId).map(AssessmentService.Read::assessment)
                .filter(a -> caller.isAdmin() || caller.hasRole(Caller.ROLE_SME) && caller.isMemberOf(a.companyId()))
                .filter(a -> sha256 != null && SHA256.matcher(sha256).matches())
                .flatMap(a -> store.findWithBytes(a.id(), sha256))
                .map(stored -> new Download(stored.file(), stored.data()))
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "The evidence file does not exist or is not visible to you.")));
    }

    /** Over the size a file may have: the problem the upload answers with as soon as it is counted. */
    public static ApiProblem fileTooLarge() {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "File too large",
                "An evidence file may be at most 5 MB (" + Evidence.MAX_FILE_BYTES + " bytes).");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
