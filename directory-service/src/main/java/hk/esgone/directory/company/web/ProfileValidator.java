package hk.esgone.directory.company.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import hk.esgone.directory.company.Company.Certification;
import hk.esgone.directory.company.Company.Contact;
import hk.esgone.directory.company.Company.Profile;
import hk.esgone.directory.company.Company.Registration;
import hk.esgone.directory.company.Company.Solution;
import hk.esgone.directory.company.CompanyKind;
import hk.esgone.directory.support.Bilingual;
import hk.esgone.directory.support.FieldErrors;
import hk.esgone.directory.support.Texts;
import hk.esgone.directory.taxonomy.TaxonomyService;
import hk.esgone.directory.taxonomy.TaxonomyType;
import hk.esgone.platform.ids.RegistrationNumbers;

/**
 * Turns a profile request into the stored profile, or refuses it with every problem listed: sizes,
 * formats, URLs (http/https only, so no {@code javascript:} link can ever be stored), and taxonomy codes.
 */
@Component
public class ProfileValidator {

    static final int NAME_EN_MAX = 200;
    static final int NAME_ZH_MAX = 100;
    static final int DESCRIPTION_MAX = 4000;
    static final int MAX_LOCATIONS = 28;
    static final int MAX_CERTIFICATIONS = 20;
    static final int MAX_SOLUTIONS = 20;
    static final String MANUFACTURING = "C";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+() -]{4,40}$");

    private final TaxonomyService taxonomies;

    ProfileValidator(TaxonomyService taxonomies) {
        this.taxonomies = taxonomies;
    }

    public Registration registration(String brNumber, String uscc) {
        String br = brNumber == null ? null : brNumber.strip();
        String code = uscc == null ? null : uscc.strip().toUpperCase(Locale.ROOT);
        FieldErrors errors = new FieldErrors();
        if ((br == null || br.isEmpty()) == (code == null || code.isEmpty())) {
            errors.add("brNumber", "give exactly one of brNumber (Hong Kong) or uscc (mainland)");
        } else if (br != null && !br.isEmpty() && !RegistrationNumbers.isValidBr(br)) {
            errors.add("brNumber", "a Business Registration number is 8 digits");
        } else if (code != null && !code.isEmpty() && !RegistrationNumbers.isValidUscc(code)) {
            errors.add("uscc", "not a valid Unified Social Credit Code (18 characters with a check character)");
        }
        if (!errors.isEmpty()) {
            throw errors.toProblem("invalid-registration-number", "Invalid registration number",
                    "The BR number or Unified Social Credit Code is not valid.");
        }
        br = br == null || br.isEmpty() ? null : br;
        code = code == null || code.isEmpty() ? null : code;
        return new Registration(br, code, RegistrationNumbers.key(br, code));
    }

    public Profile profile(ProfileRequest request, CompanyKind kind) {
        FieldErrors errors = new FieldErrors();
        FieldErrors unknownCodes = new FieldErrors();
        if (request == null) {
            errors.add("", "a profile is required").throwIfAny();
        }

        Bilingual name = Texts.clean(request.name());
        if (name == null) {
            errors.add("name", "a name in English or Chinese is required");
        } else {
            text(errors, "name.en", name.en(), NAME_EN_MAX, false);
            text(errors, "name.zhHant", name.zhHant(), NAME_ZH_MAX, false);
        }
        Bilingual description = Texts.clean(request.description());
        if (description != null) {
            text(errors, "description.en", description.en(), DESCRIPTION_MAX, true);
            text(errors, "description.zhHant", description.zhHant(), DESCRIPTION_MAX, true);
        }

        String industry = Texts.clean(request.industry());
        if (industry == null) {
            errors.add("industry", "an industry (HSIC section) is required");
        } else {
            code(unknownCodes, "industry", TaxonomyType.INDUSTRIES, industry);
        }
        String sector = Texts.clean(request.sector());
        boolean knownIndustry = industry != null && taxonomies.isUsable(TaxonomyType.INDUSTRIES, industry);
        if (MANUFACTURING.equals(industry) && sector == null) {
            errors.add("sector", "manufacturers name their cleaner-production sector");
        } else if (sector != null && knownIndustry && !MANUFACTURING.equals(industry)) {
            errors.add("sector", "a cleaner-production sector applies to manufacturing (industry C) only");
        } else if (sector != null) {
            code(unknownCodes, "sector", TaxonomyType.SECTORS, sector);
        }

        List<String> locations = new ArrayList<>(new LinkedHashSet<>(request.locations() == null ? List.of() : request.locations()));
        if (locations.isEmpty()) {
            errors.add("locations", "at least one district or Greater Bay Area city is required");
        } else if (locations.size() > MAX_LOCATIONS) {
            errors.add("locations", "at most " + MAX_LOCATIONS + " locations");
        } else {
            for (int i = 0; i < locations.size(); i++) {
                code(unknownCodes, "locations[" + i + "]", TaxonomyType.LOCATIONS, locations.get(i));
            }
        }

        List<Certification> certifications = new ArrayList<>();
        var certInputs = request.certifications() == null ? List.<ProfileRequest.CertificationInput>of() : request.certifications();
        if (certInputs.size() > MAX_CERTIFICATIONS) {
            errors.add("certifications", "at most " + MAX_CERTIFICATIONS + " certifications");
        } else {
            Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < certInputs.size(); i++) {
                var c = certInputs.get(i);
                String field = "certifications[" + i + "]";
                if (c == null) {
                    errors.add(field, "must not be null");
                    continue;
                }
                String code = Texts.clean(c.code());
                String number = Texts.clean(c.number());
                String issuer = Texts.clean(c.issuer());
                if (code == null) {
                    errors.add(field + ".code", "required");
                } else {
                    code(unknownCodes, field + ".code", TaxonomyType.CERTIFICATIONS, code);
                }
                if (number == null) {
                    errors.add(field + ".number", "the certificate number is required");
                } else {
                    text(errors, field + ".number", number, 64, false);
                }
                if (issuer == null) {
                    errors.add(field + ".issuer", "the issuing body is required");
                } else {
                    text(errors, field + ".issuer", issuer, 120, false);
                }
                if (c.validUntil() == null) {
                    errors.add(field + ".validUntil", "the valid-until date is required");
                }
                if (code != null && number != null && !seen.add(code + "|" + number)) {
                    errors.add(field, "the same certificate is listed twice");
                }
                certifications.add(new Certification(code, number, issuer, c.validUntil()));
            }
        }

        List<Solution> solutions = new ArrayList<>();
        var solutionInputs = request.solutions() == null ? List.<ProfileRequest.SolutionInput>of() : request.solutions();
        if (!solutionInputs.isEmpty() && kind != CompanyKind.SERVICE_PROVIDER) {
            errors.add("solutions", "green solutions are listed by service providers only");
        } else if (solutionInputs.size() > MAX_SOLUTIONS) {
            errors.add("solutions", "at most " + MAX_SOLUTIONS + " solutions");
        } else {
            for (int i = 0; i < solutionInputs.size(); i++) {
                var s = solutionInputs.get(i);
                String field = "solutions[" + i + "]";
                if (s == null) {
                    errors.add(field, "must not be null");
                    continue;
                }
                String category = Texts.clean(s.category());
                if (category == null) {
                    errors.add(field + ".category", "required");
                } else {
                    code(unknownCodes, field + ".category", TaxonomyType.SOLUTION_CATEGORIES, category);
                }
                Bilingual title = Texts.clean(s.title());
                if (title == null) {
                    errors.add(field + ".title", "a title in English or Chinese is required");
                } else {
                    text(errors, field + ".title.en", title.en(), 150, false);
                    text(errors, field + ".title.zhHant", title.zhHant(), 150, false);
                }
                Bilingual solutionDescription = Texts.clean(s.description());
                if (solutionDescription != null) {
                    text(errors, field + ".description.en", solutionDescription.en(), 1000, true);
                    text(errors, field + ".description.zhHant", solutionDescription.zhHant(), 1000, true);
                }
                solutions.add(new Solution(category, title, solutionDescription));
            }
        }

        String website = url(errors, "website", request.website(), 300);
        String logoUrl = url(errors, "logoUrl", request.logoUrl(), 500);

        Contact contact = null;
        if (request.contact() != null) {
            String contactName = Texts.clean(request.contact().name());
            String email = Texts.clean(request.contact().email());
            String phone = Texts.clean(request.contact().phone());
            text(errors, "contact.name", contactName, 100, false);
            if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
                errors.add("contact.email", "not an e-mail address");
            }
            if (phone != null && !PHONE.matcher(phone).matches()) {
                errors.add("contact.phone", "4-40 digits, spaces, +, -, ( or )");
            }
            if (contactName != null || email != null || phone != null) {
                contact = new Contact(contactName, email, phone);
            }
        }

        String sizeBand = Texts.clean(request.sizeBand());
        if (sizeBand != null) {
            code(unknownCodes, "sizeBand", TaxonomyType.SIZE_BANDS, sizeBand);
        }

        if (!errors.isEmpty()) {
            throw errors.toProblem("validation", "Invalid request", "One or more fields are invalid.");
        }
        if (!unknownCodes.isEmpty()) {
            throw unknownCodes.toProblem("unknown-taxonomy-code", "Unknown code",
                    "A code is not in its taxonomy (see GET /api/v1/directory/taxonomies).");
        }
        return new Profile(name, description, industry, sector, locations, certifications, solutions, website, contact,
                logoUrl, sizeBand);
    }

    private void code(FieldErrors unknown, String field, TaxonomyType type, String code) {
        if (!taxonomies.isUsable(type, code)) {
            unknown.add(field, "'" + abbreviate(code) + "' is not a code of " + type.path());
        }
    }

    private static void text(FieldErrors errors, String field, String value, int max, boolean multiline) {
        if (value == null) {
            return;
        }
        if (Texts.length(value) > max) {
            errors.add(field, "at most " + max + " characters");
        }
        String why = Texts.violation(value, multiline);
        if (why != null) {
            errors.add(field, "must not contain control characters or invisible formatting: " + why);
        }
    }

    /** Absolute http(s) URLs with a host only: no javascript:, data: or relative links. */
    private static String url(FieldErrors errors, String field, String raw, int max) {
        String value = Texts.clean(raw);
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            errors.add(field, "at most " + max + " characters");
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getUserInfo() != null) {
                errors.add(field, "must be an http or https URL");
                return null;
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            errors.add(field, "must be an http or https URL");
            return null;
        }
    }

    private static String abbreviate(String code) {
        String clean = code.replaceAll("[^\\p{L}\\p{N}_ -]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
