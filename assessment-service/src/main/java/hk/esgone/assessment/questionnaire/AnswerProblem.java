package hk.esgone.assessment.questionnaire;

import hk.esgone.assessment.support.Bilingual;

/**
 * What is wrong with an answer.
 *
 * @param field the part of the answer at fault: questionId, value, unit, reason, evidence, evidence.url,
 *     evidence.sha256, evidence.fileName, evidence.size, evidence.contentType
 */
public record AnswerProblem(String field, Bilingual message) {}
