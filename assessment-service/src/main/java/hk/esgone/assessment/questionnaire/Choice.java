package hk.esgone.assessment.questionnaire;

import hk.esgone.assessment.support.Bilingual;

/** An answer option; the code is stable across versions, the label is what people read. */
public record Choice(String code, Bilingual label) {}
