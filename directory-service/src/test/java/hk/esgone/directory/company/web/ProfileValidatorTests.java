package hk.esgone.directory.company.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import hk.esgone.directory.company.Company;
import hk.esgone.directory.demo.DemoCompanyGenerator;
import hk.esgone.directory.taxonomy.SeededTaxonomies;

class ProfileValidatorTests {

    final ProfileValidator validator = new ProfileValidator(SeededTaxonomies.service());

    @Test
    void everyDemoCompanyPassesTheSameValidationAsUserInput() {
        DemoCompanyGenerator generator = new DemoCompanyGenerator(7L, LocalDate.now(ZoneOffset.UTC));
        for (Company c : generator.companies(3000)) {
            var p = c.profile();
            var request = new ProfileRequest(p.name(), p.description(), p.industry(), p.sector(), p.locations(),
                    p.certifications().stream().map(x -> new ProfileRequest.CertificationInput(
                            x.code(), x.number(), x.issuer(), x.validUntil())).toList(),
                    p.solutions().stream().map(s -> new ProfileRequest.SolutionInput(
                            s.category(), s.title(), s.description())).toList(),
                    p.website(), p.contact() == null ? null : new ProfileRequest.ContactInput(
                            p.contact().name(), p.contact().email(), p.contact().phone()), p.logoUrl(), p.sizeBand());
            assertThat(validator.profile(request, c.kind())).as(c.id()).isEqualTo(p);
            assertThat(validator.registration(c.registration().brNumber(), c.registration().uscc()).key())
                    .isEqualTo(c.registration().key());
        }
    }
}
