package hk.esgone.assessment.questionnaire;

import java.util.List;

import hk.esgone.assessment.support.Bilingual;

/**
 * A group of questions under one or more HKEX aspects.
 *
 * @param vsme EU VSME basic-module disclosures (B1..B11) the topic feeds; may be empty
 */
public record Topic(String code, Bilingual title, List<HkexAspect> hkex, List<String> vsme, List<Question> questions) {

    public Topic {
        hkex = List.copyOf(hkex);
        vsme = List.copyOf(vsme);
        questions = List.copyOf(questions);
    }
}
