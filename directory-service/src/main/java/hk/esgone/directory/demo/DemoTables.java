package hk.esgone.directory.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/**
 * The word tables of the demo directory, read once from {@code demo/demo-tables.tsv}: tab-separated rows
 * under {@code [name]} headers, {@code #} comments. Rows keep their order, which the generator relies on.
 */
final class DemoTables {

    static final String RESOURCE = "demo/demo-tables.tsv";

    final String[][] namePrefixes;
    final String[] sectors;
    /** per sector (in the order of {@link #sectors}): product in English, in Chinese */
    final String[][][] sectorProducts;
    final String[][] supplierLines;
    final String[][] serviceProviderLines;
    final String[][] partnerLines;
    final String[] hkDistricts;
    final String[] gbaCities;
    final String[][] placeNames;
    final String[][] divisionCodes;
    final String[][] practices;
    final String[][] issuers;
    final String[] certificateCodes;
    final double[] certificateOdds;
    final String[][] solutions;

    static DemoTables load() {
        return new DemoTables(read());
    }

    private DemoTables(Map<String, List<String[]>> tables) {
        namePrefixes = rows(tables, "name-prefixes");
        Map<String, List<String[]>> products = new LinkedHashMap<>();
        for (String[] row : rows(tables, "sector-products")) {
            products.computeIfAbsent(row[0], k -> new ArrayList<>()).add(new String[]{row[1], row[2]});
        }
        sectors = products.keySet().toArray(String[]::new);
        sectorProducts = products.values().stream().map(list -> list.toArray(String[][]::new)).toArray(String[][][]::new);
        supplierLines = rows(tables, "supplier-lines");
        serviceProviderLines = rows(tables, "service-provider-lines");
        partnerLines = rows(tables, "partner-lines");
        hkDistricts = column(rows(tables, "hk-districts-weighted"), 0);
        gbaCities = column(rows(tables, "gba-cities-weighted"), 0);
        placeNames = rows(tables, "place-names");
        divisionCodes = rows(tables, "division-codes");
        practices = rows(tables, "practices");
        issuers = rows(tables, "certificate-issuers");
        String[][] odds = rows(tables, "certificate-odds");
        certificateCodes = column(odds, 0);
        certificateOdds = new double[odds.length];
        for (int i = 0; i < odds.length; i++) {
            certificateOdds[i] = Double.parseDouble(odds[i][1]);
        }
        solutions = rows(tables, "solutions");
    }

    private static String[][] rows(Map<String, List<String[]>> tables, String name) {
        List<String[]> rows = tables.get(name);
        if (rows == null || rows.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no table [" + name + "]");
        }
        return rows.toArray(String[][]::new);
    }

    private static String[] column(String[][] rows, int index) {
        String[] values = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            values[i] = rows[i][index];
        }
        return values;
    }

    private static Map<String, List<String[]>> read() {
        Map<String, List<String[]>> tables = new LinkedHashMap<>();
        List<String[]> current = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    current = tables.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
                } else if (current == null) {
                    throw new IllegalStateException(RESOURCE + ": a row before the first [table]: " + line);
                } else {
                    current.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }
}
