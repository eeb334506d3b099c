package hk.esgone.assessment.carbon;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import hk.esgone.assessment.questionnaire.CarbonInput;
import hk.esgone.assessment.support.DataNode;

/** Reads an emission-factor file and checks it at load, naming the file, the place and the rule. */
public final class EmissionFactorsLoader {

    public static final String SHIPPED = "emission-factors/hk-2025.json";

    private EmissionFactorsLoader() {}

    public static EmissionFactors shipped() {
        return fromClasspath(SHIPPED);
    }

    public static EmissionFactors fromClasspath(String resource) {
        InputStream in = EmissionFactorsLoader.class.getClassLoader().getResourceAsStream(resource);
        return read(DataNode.parse(resource, in));
    }

    public static EmissionFactors read(String fileName, String json) {
        return read(DataNode.parse(fileName, json));
    }

    private static EmissionFactors read(DataNode root) {
        root.allowOnly("key", "title", "factors");
        List<EmissionFactor> factors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        Set<CarbonInput> covered = EnumSet.noneOf(CarbonInput.class);
        for (DataNode f : root.objects("factors")) {
            f.allowOnly("id", "input", "refrigerant", "scope", "unit", "kgCo2ePerUnit", "year", "activity", "source");
            String id = f.text("id");
            if (!ids.add(id)) {
                throw f.fail("duplicate factor id \"" + id + "\"");
            }
            String inputName = f.text("input");
            CarbonInput input;
            try {
                input = CarbonInput.valueOf(inputName);
            } catch (IllegalArgumentException e) {
                throw f.fail("unknown input \"" + inputName + "\" on factor " + id);
            }
            if (!input.isActivity()) {
                throw f.fail(input + " is not an activity with an emission factor");
            }
            String refrigerant = f.optionalText("refrigerant").orElse(null);
            if ((input == CarbonInput.REFRIGERANT) != (refrigerant != null)) {
                throw f.fail("factor " + id + ": \"refrigerant\" is required for REFRIGERANT factors and only there");
            }
            if (!keys.add(input + "/" + refrigerant)) {
                throw f.fail("a second factor for " + input + (refrigerant == null ? "" : " " + refrigerant));
            }
            int scope = f.integer("scope");
            int expectedScope = input.name().startsWith("ELECTRICITY_") ? 2 : 1;
            if (scope != expectedScope) {
                throw f.fail("factor " + id + " for " + input + " must be scope " + expectedScope);
            }
            String unit = f.text("unit");
            if (!unit.equals(input.unit())) {
                throw f.fail("factor " + id + " is per " + unit + " but " + input + " is measured in " + input.unit());
            }
            BigDecimal perUnit = f.decimal("kgCo2ePerUnit");
            if (perUnit.signum() <= 0) {
                throw f.fail("kgCo2ePerUnit of " + id + " must be more than 0");
            }
            int year = f.integer("year");
            if (year < 1990 || year > 2100) {
                throw f.fail("year " + year + " of " + id + " is not plausible");
            }
            factors.add(new EmissionFactor(
                    id, input, refrigerant, scope, unit, perUnit, year, f.bilingual("activity"), f.text("source")));
            covered.add(input);
        }
        for (CarbonInput input : CarbonInput.values()) {
            if (input.isActivity() && !covered.contains(input)) {
                throw root.fail("no emission factor for " + input);
            }
        }
        return new EmissionFactors(root.text("key"), root.bilingual("title"), factors);
    }
}
