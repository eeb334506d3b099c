package hk.esgone.directory.company.web;

import java.time.LocalDate;
import java.util.List;

import hk.esgone.directory.support.Bilingual;

/** The editable part of a company profile, as members send it (a full replacement of the profile). */
public record ProfileRequest(
        Bilingual name,
        Bilingual description,
        String industry,
        String sector,
        List<String> locations,
        List<CertificationInput> certifications,
        List<SolutionInput> solutions,
        String website,
        ContactInput contact,
        String logoUrl,
        String sizeBand) {

    public record CertificationInput(String code, String number, String issuer, LocalDate validUntil) {
    }

    public record SolutionInput(String category, Bilingual title, Bilingual description) {
    }

    public record ContactInput(String name, String email, String phone) {
    }
}
