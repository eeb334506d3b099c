package hk.esgone.directory.company.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void namesThatDisplayAsSomethingElseAreRefusedWithTheFieldNamed() {
        Company c = new DemoCompanyGenerator(7L, LocalDate.now(ZoneOffset.UTC)).companies(1).getFirst();
        var p = c.profile();
        for (String[] bad : new String[][] {
                {"Green \u202Egnikcap Ltd", "綠色包裝", "name.en"},
                {"Green Packaging Ltd", "\uFEFF綠色包裝", "name.zhHant"},
                {"Green\u2066 Packaging Ltd", "綠色包裝", "name.en"},
                {"Green Packaging Ltd\uFFFF", "綠色包裝", "name.en"}}) {
            var request = new ProfileRequest(new hk.esgone.directory.support.Bilingual(bad[0], bad[1]), p.description(), p.industry(),
                    p.sector(), p.locations(), java.util.List.of(), java.util.List.of(), p.website(), null, p.logoUrl(), p.sizeBand());
            assertThatThrownBy(() -> validator.profile(request, c.kind()))
                    .isInstanceOfSatisfying(hk.esgone.platform.problem.ApiProblem.class, problem -> assertThat(
                            String.valueOf(problem.getBody().getProperties().get("errors"))).as(bad[0]).contains(bad[2]));
        }
    }
}
