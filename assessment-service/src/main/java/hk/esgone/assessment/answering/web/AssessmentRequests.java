package hk.esgone.assessment.answering.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import hk.esgone.platform.text.FreeText;
import hk.esgone.platform.text.PlainText;
import tools.jackson.databind.JsonNode;

/** The bodies the answering API reads. */
final class AssessmentRequests {

    private AssessmentRequests() {
    }

    /** Start the company's assessment for a reporting year. */
    record StartRequest(@PlainText @Size(max = 80) String companyId, Integer year, @PlainText @Size(max = 8) String industry,
            @PlainText @Size(max = 20) String sizeBand) {
    }

    /**
     * One answer, saved on its own (autosave).
     *
     * @param value        number, boolean, choice code, list of choice codes or text, as the question's type asks
     * @param evidence     links or file references, kept as data
     * @param baseRevision the revision of this answer the client last saw (0 when it has none)
     */
    record AnswerRequest(JsonNode value, @PlainText @Size(max = 40) String unit, Boolean notApplicable,
            @FreeText @Size(max = 2000) String reason, JsonNode evidence, @NotNull @PositiveOrZero Long baseRevision) {
    }
}
