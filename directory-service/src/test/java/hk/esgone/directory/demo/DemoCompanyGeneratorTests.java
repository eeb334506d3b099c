package hk.esgone.directory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import hk.esgone.directory.company.Company;
import hk.esgone.directory.company.CompanyStatus;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.ids.RegistrationNumbers;

class DemoCompanyGeneratorTests {

    static final LocalDate DAY = LocalDate.of(2026, 6, 13);

    @Test
    void theSameSeedGivesTheSameCompaniesAtAnySize() {
        List<Company> small = new DemoCompanyGenerator(42, DAY).companies(300);
        List<Company> large = new DemoCompanyGenerator(42, DAY).companies(3000);
        assertThat(large.subList(0, 300)).isEqualTo(small);
        assertThat(new DemoCompanyGenerator(43, DAY).companies(300)).isNotEqualTo(small);
    }

    @Test
    void theDemoCompaniesOfTheRealmArePublishedAndRecognisable() {
        List<Company> fixed = new DemoCompanyGenerator(1, DAY).companies(2000).subList(0, 5);
        assertThat(fixed).extracting(Company::id).contains("cmp-demo-supplier", "cmp-demo-supplier-2", "cmp-demo-partner", "cmp-demo-partner-2");
        assertThat(fixed).allMatch(c -> c.status() == CompanyStatus.PUBLISHED);
        Company packaging = fixed.get(0);
        assertThat(packaging.profile().name().zhHant()).contains("綠色包裝");
        Company metal = fixed.get(1);
        assertThat(metal.profile().locations()).contains("KWUN_TONG");
        assertThat(metal.profile().sector()).isEqualTo("METAL");
        assertThat(metal.profile().certifications()).anyMatch(c -> c.code().equals("ISO_14001") && c.isValidOn(DAY));
    }

    @Test
    void registrationNumbersAndIdsAreValidAndUniqueAtBenchmarkScale() {
        Set<String> keys = new HashSet<>();
        Set<String> ids = new HashSet<>();
        int mainland = 0;
        int statuses = 0;
        for (Company c : new DemoCompanyGenerator(20_260_613L, DAY).companies(100_000)) {
            assertThat(Ids.COMPANY.isValid(c.id())).as(c.id()).isTrue();
            var r = c.registration();
            if (r.uscc() != null) {
                mainland++;
                assertThat(RegistrationNumbers.isValidUscc(r.uscc())).as(r.uscc()).isTrue();
            } else {
                assertThat(RegistrationNumbers.isValidBr(r.brNumber())).as(r.brNumber()).isTrue();
            }
            assertThat(keys.add(r.key())).as("unique " + r.key()).isTrue();
            assertThat(ids.add(c.id())).isTrue();
            if (c.status() != CompanyStatus.PUBLISHED) {
                statuses++;
            }
            assertThat(c.profile().name().en()).isNotBlank();
            assertThat(c.profile().name().zhHant()).isNotBlank();
        }
        assertThat(mainland).isBetween(5_000, 25_000);
        assertThat(statuses).as("some unpublished ones, to prove they never show").isBetween(1_000, 5_000);
    }
}
