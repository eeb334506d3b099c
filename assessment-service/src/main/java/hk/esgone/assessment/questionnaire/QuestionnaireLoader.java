package hk.esgone.assessment.questionnaire;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import hk.esgone.assessment.support.DataNode;

/**
 * Reads a questionnaire file and checks everything a reader or the scorer relies on, failing at load with a message
 * that names the file, the place and the rule.
 */
public final class QuestionnaireLoader {

    /** Units a NUMBER question may use; the answer must carry the same one. */
    public static final Set<String> UNITS =
            Set.of("kWh", "m3", "kg", "litres", "towngas-units", "tCO2e", "headcount", "hours", "HKD");

    private static final Set<String> PERIODS = Set.of("year");
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CHOICE_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_]{0,39}");
    private static final Pattern QUESTION_ID = Pattern.compile("[ESG][0-9]{2,3}");
    private static final Pattern TOPIC_CODE = Pattern.compile("[ESG]-[A-Z0-9-]{1,40}");
    // HSIC Version 2.0 has sections A to U.
    private static final Pattern HSIC_SECTION = Pattern.compile("[A-U]");
    private static final Pattern VSME = Pattern.compile("B([1-9]|1[01])");

    private QuestionnaireLoader() {}

    /** Loads a classpath resource, e.g. {@code questionnaires/hk-sme-v1.json}. */
    public static Questionnaire fromClasspath(String resource) {
        InputStream in = QuestionnaireLoader.class.getClassLoader().getResourceAsStream(resource);
        return read(resource, in);
    }

    public static Questionnaire read(String fileName, InputStream in) {
        return read(DataNode.parse(fileName, in));
    }

    public static Questionnaire read(String fileName, String json) {
        return read(DataNode.parse(fileName, json));
    }

    private static Questionnaire read(DataNode root) {
        root.allowOnly("key", "version", "title", "sections");
        String key = root.text("key");
        if (!KEY.matcher(key).matches()) {
            throw root.fail("key \"" + key + "\" must be lower-case letters, digits and hyphens");
        }
        int version = root.integer("version");
        if (version < 1) {
            throw root.fail("version must be 1 or more, got " + version);
        }
        Set<String> questionIds = new HashSet<>();
        Set<String> topicCodes = new HashSet<>();
        Map<CarbonInput, String> carbonInputs = new EnumMap<>(CarbonInput.class);
        Set<Pillar> pillars = EnumSet.noneOf(Pillar.class);
        List<Section> sections = new ArrayList<>();
        List<DataNode> sectionNodes = root.objects("sections");
        if (sectionNodes.isEmpty()) {
            throw root.fail("a questionnaire needs at least one section");
        }
        for (DataNode s : sectionNodes) {
            s.allowOnly("code", "title", "topics");
            Pillar pillar = enumValue(s, "code", Pillar.class);
            if (!pillars.add(pillar)) {
                throw s.fail("section " + pillar + " appears twice");
            }
            List<Topic> topics = new ArrayList<>();
            List<DataNode> topicNodes = s.objects("topics");
            if (topicNodes.isEmpty()) {
                throw s.fail("section " + pillar + " has no topics");
            }
            for (DataNode t : topicNodes) {
                topics.add(topic(t, pillar, topicCodes, questionIds, carbonInputs));
            }
            sections.add(new Section(pillar, s.bilingual("title"), topics));
        }
        return new Questionnaire(key, version, root.bilingual("title"), sections);
    }

    private static Topic topic(
            DataNode t,
            Pillar pillar,
            Set<String> topicCodes,
            Set<String> questionIds,
            Map<CarbonInput, String> carbonInputs) {
        t.allowOnly("code", "title", "hkex", "vsme", "questions");
        String code = t.text("code");
        if (!TOPIC_CODE.matcher(code).matches() || !code.startsWith(pillar + "-")) {
            throw t.fail("topic code \"" + code + "\" must look like \"" + pillar + "-EMISSIONS\"");
        }
        if (!topicCodes.add(code)) {
            throw t.fail("duplicate topic code \"" + code + "\"");
        }
        List<String> hkexCodes = t.texts("hkex");
        if (hkexCodes.isEmpty()) {
            throw t.fail("topic " + code + " needs at least one HKEX aspect (A1-A4, B1-B8) in \"hkex\"");
        }
        List<HkexAspect> hkex = new ArrayList<>();
        for (String aspect : hkexCodes) {
            try {
                hkex.add(HkexAspect.valueOf(aspect));
            } catch (IllegalArgumentException e) {
                throw t.fail("unknown HKEX aspect \"" + aspect + "\" in topic " + code + "; allowed: "
                        + Arrays.toString(HkexAspect.values()));
            }
        }
        List<String> vsme = t.texts("vsme");
        for (String datapoint : vsme) {
            if (!VSME.matcher(datapoint).matches()) {
                throw t.fail("unknown VSME basic-module disclosure \"" + datapoint + "\" in topic " + code
                        + "; allowed: B1 to B11");
            }
        }
        List<Question> questions = new ArrayList<>();
        List<DataNode> questionNodes = t.objects("questions");
        if (questionNodes.isEmpty()) {
            throw t.fail("topic " + code + " has no questions");
        }
        for (DataNode q : questionNodes) {
            questions.add(question(q, pillar, questionIds, carbonInputs));
        }
        return new Topic(code, t.bilingual("title"), hkex, vsme, questions);
    }

    private static Question question(
            DataNode q, Pillar pillar, Set<String> questionIds, Map<CarbonInput, String> carbonInputs) {
        q.allowOnly(
                "id",
                "type",
                "text",
                "help",
                "example",
                "unit",
                "period",
                "choices",
                "industries",
                "sizeBands",
                "evidenceAllowed",
                "carbon");
        String id = q.text("id");
        if (!QUESTION_ID.matcher(id).matches() || !id.startsWith(pillar.name())) {
            throw q.fail("question id \"" + id + "\" must be the section letter and a number, like " + pillar + "01");
        }
        if (!questionIds.add(id)) {
            throw q.fail("duplicate question id \"" + id + "\"");
        }
        QuestionType type = enumValue(q, "type", QuestionType.class);
        var text = q.bilingual("text");
        var help = q.bilingual("help");
        var example = q.optionalBilingual("example").orElse(null);

        String unit = q.optionalText("unit").orElse(null);
        String period = q.optionalText("period").orElse(null);
        if (type == QuestionType.NUMBER) {
            if (unit == null) {
                throw q.fail("NUMBER question " + id + " needs a unit, one of " + sorted(UNITS));
            }
            if (!UNITS.contains(unit)) {
                throw q.fail("unknown unit \"" + unit + "\" on question " + id + "; allowed: " + sorted(UNITS));
            }
            if (period == null || !PERIODS.contains(period)) {
                throw q.fail("NUMBER question " + id + " needs a period, one of " + PERIODS);
            }
        } else if (unit != null || period != null) {
            throw q.fail("question " + id + " is " + type + "; only NUMBER questions have a unit and period");
        }

        List<Choice> choices = new ArrayList<>();
        if (type.hasChoices()) {
            if (!q.has("choices")) {
                throw q.fail(type + " question " + id + " needs choices");
            }
            Set<String> codes = new HashSet<>();
            for (DataNode c : q.objects("choices")) {
                c.allowOnly("code", "label");
                String code = c.text("code");
                if (!CHOICE_CODE.matcher(code).matches()) {
                    throw c.fail("choice code \"" + code + "\" must be upper-case letters, digits and _");
                }
                if (!codes.add(code)) {
                    throw c.fail("duplicate choice code \"" + code + "\" in question " + id);
                }
                choices.add(new Choice(code, c.bilingual("label")));
            }
            if (choices.size() < 2) {
                throw q.fail(type + " question " + id + " needs at least two choices");
            }
        } else if (q.has("choices")) {
            throw q.fail("question " + id + " is " + type + "; only choice questions have choices");
        }

        Set<String> industries = new LinkedHashSet<>();
        for (String industry : q.texts("industries")) {
            if (!HSIC_SECTION.matcher(industry).matches()) {
                throw q.fail("industry \"" + industry + "\" on question " + id
                        + " must be an HSIC section letter A to U");
            }
            industries.add(industry);
        }
        Set<SizeBand> sizeBands = EnumSet.noneOf(SizeBand.class);
        for (String band : q.texts("sizeBands")) {
            try {
                sizeBands.add(SizeBand.valueOf(band));
            } catch (IllegalArgumentException e) {
                throw q.fail("unknown size band \"" + band + "\" on question " + id + "; allowed: "
                        + Arrays.toString(SizeBand.values()));
            }
        }

        CarbonInput carbon = q.has("carbon") ? enumValue(q, "carbon", CarbonInput.class) : null;
        if (carbon != null) {
            String previous = carbonInputs.putIfAbsent(carbon, id);
            if (previous != null) {
                throw q.fail("carbon input " + carbon + " is on both " + previous + " and " + id);
            }
            if (carbon == CarbonInput.REFRIGERANT_KIND ? type != QuestionType.SINGLE_CHOICE
                    : type != QuestionType.NUMBER || !carbon.unit().equals(unit)) {
                throw q.fail("carbon input " + carbon + " needs "
                        + (carbon.unit() == null ? "a SINGLE_CHOICE question" : "a NUMBER question in " + carbon.unit())
                        + "; " + id + " is " + type + (unit == null ? "" : " in " + unit));
            }
        }
        return new Question(
                id,
                type,
                text,
                help,
                example,
                unit,
                period,
                choices,
                industries,
                sizeBands,
                q.bool("evidenceAllowed", false),
                carbon);
    }

    private static <E extends Enum<E>> E enumValue(DataNode node, String field, Class<E> type) {
        String value = node.text(field);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw node.fail("unknown " + field + " \"" + value + "\"; allowed: "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

}
