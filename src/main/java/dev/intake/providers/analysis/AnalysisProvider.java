package dev.intake.providers.analysis;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.intake.interview.AnswerDraft;
import dev.intake.interview.ConversationOverview;
import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceFindings;
import dev.intake.interview.Person;
import dev.intake.interview.PersonaDraft;
import dev.intake.interview.ProjectTheme;
import dev.intake.interview.Question;
import dev.intake.interview.ThemeDraft;
import dev.intake.interview.Transcript;

/** Turns a transcript into evidence, people, themes, personas and answers; one method per step. */
public interface AnalysisProvider {

    /** How this provider analyzes, as recorded on every interview it analyzes. */
    AnalysisMode mode();


    EvidenceFindings findEvidence(Transcript transcript, AnalysisContext context);

    /** A description of each person, by person id; people with nothing to say about them are left out. */
    Map<UUID, String> describePeople(List<Person> people, List<Evidence> evidence, Transcript transcript,
                                     AnalysisContext context);

    /**
     * The patterns in this interview's evidence; a theme about the same thing as one of the project's
     * {@code projectThemes} names it ({@link ThemeDraft#projectThemeId()}), so its evidence joins that theme.
     */
    List<ThemeDraft> findThemes(List<Evidence> evidence, List<ProjectTheme> projectThemes, AnalysisContext context);

    List<PersonaDraft> buildPersonas(List<Person> people, List<Evidence> evidence, List<ThemeDraft> themes,
                                     AnalysisContext context);

    /**
     * Each question's answer from this interview, in the order asked, citing the evidence behind it; the
     * transcript lets an answer follow what was said beyond the evidence.
     */
    List<AnswerDraft> answerQuestions(List<Question> questions, List<Evidence> evidence, Transcript transcript,
                                      AnalysisContext context);

    /**
     * The conversation's overview (Insights' ConversationAnalysis): summary, key takeaways citing the
     * given evidence by id, open questions, next steps, and a short title.
     */
    ConversationOverview summarizeConversation(Transcript transcript, List<Evidence> evidence, AnalysisContext context);
}
