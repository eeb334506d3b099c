package hk.esgone.directory.company.web;

import java.util.List;

import hk.esgone.directory.support.Bilingual;

/** A company application: who the company is (kind, BR number or USCC) and its first profile. */
public record ApplicationRequest(
        String kind,
        String brNumber,
        String uscc,
        Bilingual name,
        Bilingual description,
        String industry,
        String sector,
        List<String> locations,
        List<ProfileRequest.CertificationInput> certifications,
        List<ProfileRequest.SolutionInput> solutions,
        String website,
        ProfileRequest.ContactInput contact,
        String logoUrl,
        String sizeBand) {

    ProfileRequest profile() {
        return new ProfileRequest(name, description, industry, sector, locations, certifications, solutions, website,
                contact, logoUrl, sizeBand);
    }
}
