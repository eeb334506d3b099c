package hk.esgone.badge.badge;

import hk.esgone.badge.common.Bilingual;

/** The company a badge is issued to: its directory id and its registration number(s). */
public record Holder(String companyId, String brNumber, String uscc, Bilingual name) {
}
