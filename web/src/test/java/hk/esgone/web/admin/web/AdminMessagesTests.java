package hk.esgone.web.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import hk.esgone.web.admin.AchievementAdmin;
import hk.esgone.web.admin.BadgeAdmin;
import hk.esgone.web.admin.TaxonomyAdmin;

/**
 * The admin pages build many message keys from what the services answer (a status, a problem type, a field); every
 * key they can build is in both languages, so no page shows a raw key. (MessageBundlesTests checks literal keys.)
 */
class AdminMessagesTests {

    @ParameterizedTest
    @ValueSource(strings = {"admin.properties", "admin_zh_Hant.properties"})
    void everyKeyThePagesBuildExists(String bundle) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages", bundle))) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> keys = new ArrayList<>();
        List<String> refusals = new ArrayList<>(List.of("unknown-holder", "holder-mismatch", "badge-already-held", "unknown-achievement",
                "achievement-archived", "holder-check-unavailable", "badge-revoked", "badge-already-suspended", "badge-not-suspended",
                "badge-changed", "validation", "anything-else"));
        for (String type : refusals) {
            keys.add("adm.badges.problem." + BadgeAdmin.problemKey(type));
            keys.add("adm.badges.line." + BadgeAdmin.problemKey(type));
        }
        for (String local : List.of("company-filter", "achievement-missing", "company-missing", "company-invalid", "date-invalid",
                "unknown-company", "csv-too-large", "csv-not-text", "csv-empty", "csv-too-many", "reason-missing", "reason-too-long", "not-confirmed")) {
            keys.add("adm.badges.problem." + local);
        }
        for (String line : List.of("not-a-company-id", "duplicate", "unknown-company", "not-answered")) {
            keys.add("adm.badges.line." + line);
        }
        for (String done : List.of("issued", "suspended", "reinstated", "revoked", "renewed")) {
            keys.add("adm.badges.done." + done);
        }
        BadgeAdmin.STATUSES.forEach(s -> keys.add("adm.badges.status." + s));
        for (String verb : List.of("suspend", "revoke")) {
            List.of("", ".reason", ".confirm", ".do").forEach(suffix -> keys.add("adm.badges." + verb + suffix));
        }
        AchievementAdmin.KINDS.forEach(k -> keys.add("adm.ach.kind." + k));
        AchievementAdmin.LEVELS.forEach(l -> keys.add("adm.ach.level." + l));
        for (String field : AchievementsPageController.FIELDS) {
            keys.add("adm.ach.field." + field);
        }
        for (String field : List.of("nameEn", "nameZh", "descriptionEn", "descriptionZh", "criteriaEn", "criteriaZh")) {
            keys.add("adm.ach.error." + field);
            keys.add("adm.ach.error." + field + ".missing");
            keys.add("adm.ach.error." + field + ".long");
            keys.add("adm.ach.error." + AchievementsPageController.formField(apiField(field)));
        }
        for (String error : List.of("id", "exists", "kind", "fixed", "scorecardLevel", "url", "criteriaUrl", "imageUrl", "validity", "refused")) {
            keys.add("adm.ach.error." + error);
        }
        List.of("created", "saved", "archived", "restored").forEach(d -> keys.add("adm.ach.done." + d));
        List.of("not-confirmed", "refused").forEach(p -> keys.add("adm.ach.problem." + p));
        List.of("kinds", "industries", "sectors", "locations", "certifications", "solutionCategories", "scorecardLevels", "sizeBands")
                .forEach(t -> keys.add("adm.tax.type." + t));
        TaxonomyAdmin.GROUPS.forEach(g -> keys.add("adm.tax.group." + g));
        TaxonomiesPageController.FIELDS.forEach(f -> keys.add("adm.tax.field." + f));
        List.of("code", "exists", "missing", "long200", "long100", "group", "minOverall", "refused", "not-extendable")
                .forEach(e -> keys.add("adm.tax.error." + e));
        List.of("saved", "added").forEach(d -> keys.add("adm.tax.done." + d));
        List.of("RUNNING", "DONE", "FAILED").forEach(s -> keys.add("adm.idx.state." + s));
        for (String action : List.of("reindex", "reconcile")) {
            List.of("action", "explain", "confirm", "do", "done").forEach(part -> keys.add("adm.idx." + part + "." + action));
        }
        List.of("not-confirmed", "running", "unavailable", "refused").forEach(p -> keys.add("adm.idx.problem." + p));

        assertThat(keys).allSatisfy(key -> assertThat(messages.getProperty(key)).as(bundle + ": " + key).isNotBlank());
    }

    private static String apiField(String formField) {
        return formField.replace("En", ".en").replace("Zh", ".zhHant");
    }
}
