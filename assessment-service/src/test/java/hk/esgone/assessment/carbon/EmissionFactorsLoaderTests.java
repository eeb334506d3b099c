package hk.esgone.assessment.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import hk.esgone.assessment.questionnaire.CarbonInput;
import hk.esgone.assessment.support.InvalidDataFileException;

class EmissionFactorsLoaderTests {

    private final String shipped = read(EmissionFactorsLoader.SHIPPED);

    private static String read(String resource) {
        try (InputStream in = EmissionFactorsLoaderTests.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRejected(String json, String... parts) {
        assertThatThrownBy(() -> EmissionFactorsLoader.read("factors.json", json))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageStartingWith("factors.json: ")
                .hasMessageContainingAll(parts);
    }

    @Test
    void theShippedFactorsCoverEveryActivityAndCiteASource() {
        EmissionFactors factors = EmissionFactorsLoader.shipped();

        assertThat(factors.key()).isEqualTo("hk-2025");
        assertThat(factors.factorFor(CarbonInput.ELECTRICITY_CLP, null).orElseThrow().kgCo2ePerUnit())
                .isEqualByComparingTo("0.39");
        assertThat(factors.factorFor(CarbonInput.REFRIGERANT, "R134A").orElseThrow().kgCo2ePerUnit())
                .isEqualByComparingTo("1300");
        assertThat(factors.factors()).allSatisfy(f -> assertThat(f.source()).hasSizeGreaterThan(20));
    }

    @Test
    void rejectsAMissingActivity() {
        String withoutLpg = shipped.replaceAll("(?s)\\{\"id\": \"HK-LPG-2010\".*?\\},\\s*\\{\"id\": \"HK-TOWNGAS", "{\"id\": \"HK-TOWNGAS");
        assertRejected(withoutLpg, "no emission factor for LPG");
    }

    @Test
    void rejectsAFactorInTheWrongUnit() {
        assertRejected(shipped.replace("\"unit\": \"litres\", \"kgCo2ePerUnit\": \"2.614\"", "\"unit\": \"kg\", \"kgCo2ePerUnit\": \"2.614\""),
                "factor HK-DIESEL-2010 is per kg but DIESEL is measured in litres");
    }

    @Test
    void rejectsAFactorWrittenAsANumberInsteadOfAString() {
        assertRejected(shipped.replace("\"kgCo2ePerUnit\": \"0.39\"", "\"kgCo2ePerUnit\": 0.39"),
                "\"kgCo2ePerUnit\" must be a non-empty string");
    }

    @Test
    void rejectsDuplicateIdsAndWrongScopes() {
        assertRejected(shipped.replace("\"HK-PETROL-2010\"", "\"HK-DIESEL-2010\""), "duplicate factor id \"HK-DIESEL-2010\"");
        assertRejected(shipped.replace("\"input\": \"ELECTRICITY_CLP\", \"scope\": 2", "\"input\": \"ELECTRICITY_CLP\", \"scope\": 1"),
                "must be scope 2");
    }

    @Test
    void rejectsAFactorWithoutSource() {
        assertRejected(shipped.replaceFirst("\"source\": \"CLP Power[^\"]*\"", "\"source\": \"\""),
                "\"source\" must be a non-empty string");
    }
}
