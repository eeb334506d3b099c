package hk.esgone.badge.issuing;

import hk.esgone.badge.support.Bilingual;

/** The company a badge is issued to: its directory id and its registration number(s). */
public record Holder(String companyId, String brNumber, String uscc, Bilingual name) {
}
