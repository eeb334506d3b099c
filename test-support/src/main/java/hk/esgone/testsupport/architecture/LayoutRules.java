package hk.esgone.testsupport.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The package layout every application follows, as rules a test checks (each module's
 * {@code ArchitectureTests} calls {@link #checkService}):
 *
 * <ul>
 *   <li>feature packages ({@code hk.esgone.offers.claim}), each with {@code web} (controllers, request and
 *       response records), its domain in the feature package itself (or {@code domain}), and {@code store}
 *       (documents and the code that reads and writes them); {@code support} for service-local helpers;
 *       {@code config} for wiring;</li>
 *   <li>layering web → domain → store: nothing calls into {@code web}, and only the domain uses {@code store};</li>
 *   <li>controllers only in {@code web};</li>
 *   <li>no service uses another service's classes (only {@code hk.esgone.platform}), and platform uses none;</li>
 *   <li>no package named {@code common}, none named like its parent ({@code badge.badge}).</li>
 * </ul>
 */
public final class LayoutRules {

    private static final String ROOT = "hk.esgone.";
    private static final String PLATFORM = "hk.esgone.platform..";

    private LayoutRules() {
    }

    /** Checks every rule against the production classes of the application in {@code basePackage}. */
    public static void checkService(String basePackage) {
        JavaClasses classes = importMain(basePackage);
        List<ArchRule> rules = new ArrayList<>(List.of(
                layering(basePackage),
                controllersLiveInWeb(basePackage),
                usesNoOtherService(basePackage),
                packageNames(basePackage)));
        rules.forEach(rule -> rule.check(classes));
    }

    /** Checks that platform depends on no application. */
    public static void checkPlatform() {
        JavaClasses classes = importMain("hk.esgone.platform");
        noClasses().that().resideInAPackage(PLATFORM)
                .should().dependOnClassesThat(resideInAPackage("hk.esgone..").and(not(resideInAPackage(PLATFORM))))
                .because("platform is cross-cutting code every service uses; it knows no service")
                .check(classes);
        packageNames("hk.esgone.platform").check(classes);
    }

    static JavaClasses importMain(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    static ArchRule layering(String base) {
        DescribedPredicate<JavaClass> domain = resideInAPackage(base + "..")
                .and(not(resideInAnyPackage(base + "..web..", base + "..store..", base + "..support..", base + "..config..")))
                .and(not(resideInAPackage(base)))
                .as("domain classes of " + base);
        return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("Web").definedBy(base + "..web..")
                .layer("Domain").definedBy(domain)
                .layer("Store").definedBy(base + "..store..")
                .whereLayer("Web").mayNotBeAccessedByAnyLayer()
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Domain")
                .because("requests go web → domain → store; a controller never reads or writes the database itself");
    }

    static ArchRule controllersLiveInWeb(String base) {
        return classes().that().resideInAPackage(base + "..")
                .and().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .or().areAnnotatedWith("org.springframework.stereotype.Controller")
                .should().resideInAPackage("..web..")
                .because("each feature keeps its controllers and request/response records in its web package");
    }

    static ArchRule usesNoOtherService(String base) {
        return noClasses().that().resideInAPackage(base + "..")
                .should().dependOnClassesThat(resideInAPackage("hk.esgone..")
                        .and(not(resideInAnyPackage(base + "..", PLATFORM))))
                .because("services share only platform; another service is reached through its API");
    }

    static ArchRule packageNames(String base) {
        return classes().that().resideInAPackage(base + "..").should(new ArchCondition<JavaClass>("live in well-named packages") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String[] parts = item.getPackageName().substring(ROOT.length()).split("\\.");
                for (int i = 0; i < parts.length; i++) {
                    if (parts[i].equals("common")) {
                        events.add(SimpleConditionEvent.violated(item, item.getName() + " is in a package named 'common' (use 'support')"));
                    }
                    if (i > 0 && parts[i].equals(parts[i - 1])) {
                        events.add(SimpleConditionEvent.violated(item, item.getName() + " is in a package named like its parent: " + item.getPackageName()));
                    }
                }
            }
        });
    }
}
