package dev.intake.providers.analysis;

import static dev.intake.providers.analysis.JsonSchemas.array;
import static dev.intake.providers.analysis.JsonSchemas.fields;
import static dev.intake.providers.analysis.JsonSchemas.integer;
import static dev.intake.providers.analysis.JsonSchemas.nullableInteger;
import static dev.intake.providers.analysis.JsonSchemas.nullableNumber;
import static dev.intake.providers.analysis.JsonSchemas.number;
import static dev.intake.providers.analysis.JsonSchemas.nullableString;
import static dev.intake.providers.analysis.JsonSchemas.object;
import static dev.intake.providers.analysis.JsonSchemas.oneOf;
import static dev.intake.providers.analysis.JsonSchemas.string;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.interview.AnswerDraft;
import dev.intake.interview.ConversationOverview;
import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceDraft;
import dev.intake.interview.EvidenceFindings;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.Person;
import dev.intake.interview.PersonDraft;
import dev.intake.interview.PersonRole;
import dev.intake.interview.PersonaDraft;
import dev.intake.interview.ProjectTheme;
import dev.intake.interview.Question;
import dev.intake.interview.ThemeDraft;
import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;

/**
 * Analysis by any OpenAI-compatible chat model, asked for JSON that follows a schema for each step.
 * Its answer is checked before anything is written: a quote that is not in the transcript, a reference
 * to evidence or a question that was not given, a missing field, each makes the step fail whole.
 */
final class OpenAiAnalyzer implements AnalysisProvider {

    private static final String ROLE = "You analyse customer discovery interviews for a product team.";
    private static final List<String> KINDS = Arrays.stream(EvidenceKind.values()).map(EvidenceKind::key).toList();
    private static final List<String> ROLES = Arrays.stream(PersonRole.values()).map(PersonRole::key).toList();
    /** How evidence bears on an answer, in Insights' words (research_analysis.baml, EvidenceQuestionLink). */
    private static final List<String> RELATIONSHIPS = List.of("supports", "refutes", "neutral");

    private final ChatCompletions chat;

    OpenAiAnalyzer(ChatCompletions chat) {
        this.chat = chat;
    }

    private static String system(String task, AnalysisContext context) {
        return ROLE + " " + task + context.customInstructions()
                .map(instructions -> "\n\nInstructions from the team for this interview:\n" + instructions)
                .orElse("");
    }

    @Override
    public AnalysisMode mode() {
        return new AnalysisMode(AnalysisMode.PROVIDER, "OpenAI chat completions");
    }

    @Override
    public EvidenceFindings findEvidence(Transcript transcript, AnalysisContext context) {
        ObjectNode schema = object(fields(
                "evidence", array(object(withTurnFields(fields("kind", oneOf(KINDS), "verbatim", string(),
                        "speaker", string(), "start_seconds", nullableNumber(), "end_seconds", nullableNumber())))),
                "people", array(object(fields("name", string(), "role", oneOf(ROLES), "relation", nullableString())))));
        JsonNode answer = chat.ask("evidence", schema, system("Find the evidence in what the interviewee said: pains,"
                + " goals, willingness to pay, workarounds and context, each a verbatim quote copied exactly from the"
                + " transcript with its speaker and times. The interviewer's words are never evidence. List the people:"
                + " every speaker as interviewer or interviewee, and people who are named but do not speak as"
                + " mentioned, with how they relate (e.g. manager)." + EvidenceTurns.instructions(), context),
                numbered(transcript));

        List<PersonDraft> people = new ArrayList<>();
        Set<String> interviewers = new HashSet<>();
        for (JsonNode person : ModelOutput.array(answer, "people")) {
            String role = ModelOutput.text(person, "role");
            if (!ROLES.contains(role)) {
                throw new SchemaViolation("person role '" + role + "' is not one of " + ROLES);
            }
            PersonDraft draft = new PersonDraft(ModelOutput.text(person, "name"), PersonRole.fromKey(role),
                    ModelOutput.nullableText(person, "relation"));
            if (draft.role() == PersonRole.INTERVIEWER) {
                interviewers.add(draft.name());
            }
            people.add(draft);
        }
        String said = normalized(transcript.text());
        List<EvidenceDraft> evidence = new ArrayList<>();
        for (JsonNode item : ModelOutput.array(answer, "evidence")) {
            String kind = ModelOutput.text(item, "kind");
            if (!KINDS.contains(kind)) {
                throw new SchemaViolation("evidence kind '" + kind + "' is not one of " + KINDS);
            }
            String verbatim = ModelOutput.text(item, "verbatim");
            if (!said.contains(normalized(verbatim))) {
                throw new SchemaViolation("the quote \"" + verbatim + "\" is not in the transcript");
            }
            String speaker = ModelOutput.text(item, "speaker");
            if (interviewers.contains(speaker)) {
                throw new SchemaViolation("evidence quotes the interviewer " + speaker);
            }
            Double start = ModelOutput.nullableNumber(item, "start_seconds");
            Double end = ModelOutput.nullableNumber(item, "end_seconds");
            Double found = EvidenceTurns.start(transcript, verbatim);
            if (found != null) {
                start = found;
                end = end == null ? found : end;
            }
            if (start == null || end == null) {
                start = null;
                end = null;
            } else if (end < start) {
                end = start;
            }
            evidence.add(new EvidenceDraft(EvidenceKind.fromKey(kind), verbatim, speaker, start, end,
                    EvidenceTurns.read(item, verbatim, normalized(verbatim))));
        }
        return new EvidenceFindings(evidence, people);
    }

    @Override
    public Map<UUID, String> describePeople(List<Person> people, List<Evidence> evidence, Transcript transcript,
                                            AnalysisContext context) {
        ObjectNode schema = object(fields("people", array(object(fields("name", string(), "description", string())))));
        StringBuilder user = new StringBuilder("People:\n");
        people.forEach(p -> user.append("- ").append(p.name()).append(" (").append(p.role().key()).append(")\n"));
        user.append("\nTranscript:\n").append(numbered(transcript));
        JsonNode answer = chat.ask("people", schema, system("Describe each listed person in one or two sentences from"
                + " what the transcript says about them: role, responsibilities, what they care about.", context),
                user.toString());
        Map<String, UUID> byName = new LinkedHashMap<>();
        people.forEach(p -> byName.put(p.name(), p.id()));
        Map<UUID, String> descriptions = new LinkedHashMap<>();
        for (JsonNode person : ModelOutput.array(answer, "people")) {
            String name = ModelOutput.text(person, "name");
            UUID id = byName.get(name);
            if (id == null) {
                throw new SchemaViolation("described '" + name + "', who is not one of the people given");
            }
            descriptions.put(id, ModelOutput.text(person, "description"));
        }
        return descriptions;
    }

    /**
     * Themes in the fields of Insights' own theme generation (AutoGroupThemes' ProposedTheme: name,
     * statement, inclusion and exclusion criteria, synonyms), each with its evidence and, when it is
     * about the same thing as one of the project's themes, that theme's number.
     */
    @Override
    public List<ThemeDraft> findThemes(List<Evidence> evidence, List<ProjectTheme> projectThemes, AnalysisContext context) {
        if (evidence.isEmpty()) {
            return List.of();
        }
        ObjectNode schema = object(fields("themes", array(object(fields("name", string(), "statement", string(),
                "inclusion_criteria", string(), "exclusion_criteria", nullableString(), "synonyms", array(string()),
                "project_theme", nullableInteger(),
                "evidence", array(object(fields("number", integer(), "confidence", number(), "rationale", string()))))))));
        StringBuilder user = new StringBuilder("The project's themes so far:\n");
        for (int i = 0; i < projectThemes.size(); i++) {
            ProjectTheme t = projectThemes.get(i);
            user.append(i).append(". ").append(t.name()).append(t.statement() == null ? "" : ": " + t.statement()).append('\n');
        }
        user.append("\nEvidence:\n").append(numbered(evidence));
        JsonNode answer = chat.ask("themes", schema, system("Group the numbered evidence into themes, patterns that more"
                + " than one quote shows: a name of up to five words stating the pattern (e.g. \"Onboarding takes too"
                + " long\"), a one- or two-sentence statement, what belongs in the theme, what does not, other phrasings,"
                + " and the numbers of the evidence behind it with a confidence from 0 to 1 and why each belongs. When a"
                + " theme is about the same thing as one of the project's themes, give that theme's number as"
                + " project_theme (its evidence joins it), else null. Leave a quote that fits no pattern out.", context),
                user.toString());
        List<ThemeDraft> themes = new ArrayList<>();
        for (JsonNode theme : ModelOutput.array(answer, "themes")) {
            List<ThemeDraft.Link> links = new ArrayList<>();
            for (JsonNode link : ModelOutput.array(theme, "evidence")) {
                UUID id = evidence.get(ModelOutput.index(link.path("number"), evidence.size(), "evidence number")).id();
                if (links.stream().noneMatch(l -> l.evidenceId().equals(id))) {
                    links.add(new ThemeDraft.Link(id, unit(link, "confidence"), ModelOutput.text(link, "rationale")));
                }
            }
            String name = ModelOutput.text(theme, "name");
            if (links.isEmpty()) {
                throw new SchemaViolation("theme '" + name + "' cites no evidence");
            }
            JsonNode joins = theme.path("project_theme");
            UUID projectTheme = joins.isNull() || joins.isMissingNode() ? null
                    : projectThemes.get(ModelOutput.index(joins, projectThemes.size(), "project theme number")).id();
            themes.add(new ThemeDraft(name, ModelOutput.text(theme, "statement"), ModelOutput.text(theme, "inclusion_criteria"),
                    ModelOutput.nullableText(theme, "exclusion_criteria"), ModelOutput.texts(theme, "synonyms"), links,
                    projectTheme));
        }
        return themes;
    }

    /** A number the schema asks to be in [0, 1]. */
    private static double unit(JsonNode parent, String field) {
        Double value = ModelOutput.nullableNumber(parent, field);
        if (value == null || value < 0 || value > 1) {
            throw new SchemaViolation(field + " " + value + " is not a number from 0 to 1");
        }
        return value;
    }

    @Override
    public List<PersonaDraft> buildPersonas(List<Person> people, List<Evidence> evidence, List<ThemeDraft> themes,
                                            AnalysisContext context) {
        ObjectNode schema = object(fields("personas", array(object(fields("name", string(), "description", string(),
                "goals", array(string()), "pains", array(string()))))));
        StringBuilder user = new StringBuilder("Interviewees:\n");
        people.stream().filter(p -> p.role() == PersonRole.INTERVIEWEE)
                .forEach(p -> user.append("- ").append(p.name()).append(p.description() == null ? "" : ": " + p.description())
                        .append('\n'));
        user.append("\nThemes:\n");
        themes.forEach(t -> user.append("- ").append(t.name()).append(": ").append(t.statement()).append('\n'));
        user.append("\nEvidence:\n").append(numbered(evidence));
        JsonNode answer = chat.ask("personas", schema, system("Describe the persona each interviewee stands for: a"
                + " name for the kind of customer, a description, their goals and their pains.", context), user.toString());
        List<PersonaDraft> personas = new ArrayList<>();
        for (JsonNode persona : ModelOutput.array(answer, "personas")) {
            personas.add(new PersonaDraft(ModelOutput.text(persona, "name"), ModelOutput.text(persona, "description"),
                    ModelOutput.texts(persona, "goals"), ModelOutput.texts(persona, "pains"), null));
        }
        return personas;
    }

    @Override
    public List<AnswerDraft> answerQuestions(List<Question> questions, List<Evidence> evidence, Transcript transcript,
                                             AnalysisContext context) {
        if (questions.isEmpty()) {
            return List.of();
        }
        ObjectNode schema = object(fields("answers", array(object(fields("question", integer(),
                "answer", nullableString(), "confidence", number(), "reasoning", nullableString(),
                "next_steps", nullableString(), "evidence", array(object(fields("number", integer(),
                        "relationship", oneOf(RELATIONSHIPS), "confidence", number(), "rationale", string()))))))));
        StringBuilder user = new StringBuilder("Questions:\n");
        for (int i = 0; i < questions.size(); i++) {
            user.append(i).append(". ").append(questions.get(i).text()).append('\n');
        }
        user.append("\nEvidence:\n").append(numbered(evidence));
        JsonNode answer = chat.ask("answers", schema, system("Answer each numbered question from the numbered evidence"
                + " only. Cite only evidence that is about the question, each with whether it supports, refutes or is"
                + " neutral to the answer, a confidence from 0 to 1 and why; give the answer's confidence, the reasoning"
                + " that ties the evidence to the question, and next steps when something is left open (else null)."
                + " When no evidence is about a question, give answer null, no evidence and confidence 0.", context),
                user.toString());
        AnswerDraft[] answers = new AnswerDraft[questions.size()];
        for (JsonNode item : ModelOutput.array(answer, "answers")) {
            int q = ModelOutput.index(item.path("question"), questions.size(), "question number");
            if (answers[q] != null) {
                throw new SchemaViolation("question " + q + " is answered twice");
            }
            String text = ModelOutput.nullableText(item, "answer");
            List<AnswerDraft.Support> support = new ArrayList<>();
            for (JsonNode link : ModelOutput.array(item, "evidence")) {
                String relationship = ModelOutput.text(link, "relationship");
                if (!RELATIONSHIPS.contains(relationship)) {
                    throw new SchemaViolation("relationship '" + relationship + "' is not one of " + RELATIONSHIPS);
                }
                support.add(new AnswerDraft.Support(evidence.get(ModelOutput.index(link.path("number"), evidence.size(),
                        "evidence number")).id(), relationship, unit(link, "confidence"), ModelOutput.text(link, "rationale")));
            }
            if ((text == null) != support.isEmpty()) {
                throw new SchemaViolation("question " + q + " has " + (text == null ? "evidence but no answer" : "an answer but no evidence"));
            }
            if (text == null) {
                answers[q] = AnswerDraft.unanswered(questions.get(q).id());
                continue;
            }
            String reasoning = ModelOutput.nullableText(item, "reasoning");
            if (reasoning == null || reasoning.isBlank()) {
                throw new SchemaViolation("question " + q + " is answered without reasoning");
            }
            answers[q] = new AnswerDraft(questions.get(q).id(), text, unit(item, "confidence"), reasoning,
                    ModelOutput.nullableText(item, "next_steps"), support);
        }
        for (int q = 0; q < answers.length; q++) {
            if (answers[q] == null) {
                throw new SchemaViolation("question " + q + " is not answered");
            }
        }
        return List.of(answers);
    }

    @Override
    public ConversationOverview summarizeConversation(Transcript transcript, List<Evidence> evidence,
                                                      AnalysisContext context) {
        return OverviewPrompt.ask(chat, system(OverviewPrompt.TASK, context), numbered(transcript), numbered(evidence),
                evidence);
    }

    private static String numbered(Transcript transcript) {
        StringBuilder text = new StringBuilder();
        for (Utterance u : transcript.utterances()) {
            if (u.startSec() != null) {
                text.append(String.format(Locale.ROOT, "[%.2f-%.2f] ", u.startSec(), u.endSec()));
            }
            text.append(u.speaker() == null ? "Unknown" : u.speaker()).append(": ").append(u.text()).append('\n');
        }
        return text.toString();
    }

    private static String numbered(List<Evidence> evidence) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < evidence.size(); i++) {
            Evidence e = evidence.get(i);
            text.append(i).append(". [").append(e.kind().key()).append("] ").append(e.speaker()).append(": ")
                    .append(e.verbatim()).append('\n');
        }
        return text.toString();
    }

    private static Map<String, JsonNode> withTurnFields(Map<String, JsonNode> fields) {
        fields.putAll(EvidenceTurns.schemaFields());
        return fields;
    }

    private static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s\"“”]+", " ").strip();
    }
}
