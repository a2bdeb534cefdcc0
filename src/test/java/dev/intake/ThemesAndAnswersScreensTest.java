package dev.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.intake.embedded.LocalPostgres;
import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.interview.PersonaDraft;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.Db;
import dev.intake.store.InsightStore;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.store.Lease;
import dev.intake.store.StepLeases;
import dev.intake.store.WorkspaceStore;
import dev.intake.testing.Cli;
import dev.intake.testing.InsightsDatabase;
import dev.intake.testing.InsightsDatabaseResource;
import dev.intake.testing.InsightsFixture;
import dev.intake.testing.InsightsMigratedDatabase;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.RunPlan;
import dev.intake.workflow.Step;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * Insights' themes screen and answers screen on what Intake wrote for two interviews of one project:
 * their own selections (app/features/insights/db.ts getInsights, app/lib/database/research-answers.server.ts
 * getResearchAnswerRollup), written as SQL, on a database built from Insights' schema. A column those
 * screens render that Insights' pipeline fills (generateInsights.ts, AutoGroupThemes, runEvidenceAnalysis)
 * and that Intake left empty or shaped otherwise fails here. And a re-run removes only what it made
 * and nothing uses.
 */
@QuarkusTest
@TestProfile(ThemesAndAnswersScreensTest.OnAnInsightsDatabase.class)
class ThemesAndAnswersScreensTest {

    public static class OnAnInsightsDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ScreensDatabase.class));
        }
    }

    /**
     * A database built from Insights' schema files (or, with init argument {@link InsightsDatabaseResource#FIXTURE}
     * MIGRATIONS, by its migrations), with nobody's rows in it yet.
     */
    public static class ScreensDatabase implements QuarkusTestResourceLifecycleManager {
        private InsightsFixture fixture = InsightsFixture.SCHEMA_FILES;

        @Override
        public void init(Map<String, String> initArgs) {
            fixture = InsightsFixture.valueOf(initArgs.getOrDefault(InsightsDatabaseResource.FIXTURE, fixture.name()));
        }

        @Override
        public Map<String, String> start() {
            int port = InsightsDatabase.serverPort();
            String name = fixture == InsightsFixture.MIGRATIONS ? "insights_screens_migrations" : "insights_screens";
            String url = fixture == InsightsFixture.MIGRATIONS ? InsightsMigratedDatabase.create(name)
                    : InsightsDatabase.create(port, name, false);
            try (Connection c = DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.USER);
                 Statement s = c.createStatement()) {
                s.execute("INSERT INTO auth.users (id, email) VALUES ('" + OWNER + "', 'owner@bakery.test')");
            } catch (SQLException e) {
                throw new IllegalStateException("could not add the account's owner", e);
            }
            return Map.of("quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/" + name,
                    "quarkus.datasource.jdbc.url", url, "quarkus.flyway.migrate-at-start", "false");
        }

        @Override
        public void stop() {
            // The database stays on the shared server until the JVM stops it.
        }
    }

    static final UUID OWNER = UUID.fromString("00000000-0000-4000-8000-0000000000b1");
    /** Insights' default evidence-link threshold (analysisSettings.ts): the themes screen hides weaker links. */
    static final double LINK_THRESHOLD = 0.65;
    static final String WHO_SIGNS = "Who signs off on software purchases?";

    static final String BAKERY = """
            Interviewer: Thanks for joining. How do supplier invoices get paid today?
            Kim Alvarsson: I print them, the owner initials each one, and I key them into Xero on Thursdays.
            Interviewer: What goes wrong?
            Kim Alvarsson: Half the invoices we send get rejected by the supplier portal. The supplier invoices bounce back every Friday and I have to resend them.
            Interviewer: How often does that happen?
            Kim Alvarsson: Every week. Each rejected invoice costs us a late fee, and I lose Friday afternoons resending invoices to the supplier portal.
            Interviewer: Anything else that gets in the way?
            Kim Alvarsson: The shared calendar double-books our delivery slots every single week. Nobody trusts the calendar any more.
            Interviewer: Who would decide on buying a tool for this?
            Kim Alvarsson: That's Ruth Okoye. She owns the bakeries, and she signs anything over five hundred dollars.
            Interviewer: What would something like that be worth to you?
            Kim Alvarsson: If it stopped the late fees, I could see us paying sixty dollars a month.
            """;
    static final String CAFE = """
            Interviewer: How do you handle invoices from suppliers?
            Omar Haddad: Our supplier's portal rejects about a third of our invoices, so we end up resending them by email.
            Interviewer: What does that cost you?
            Omar Haddad: Every rejected invoice means a late payment, and we paid two hundred dollars in late fees last quarter.
            Interviewer: How do you keep track of them?
            Omar Haddad: I keep a spreadsheet of every invoice we resend, which is tedious.
            Interviewer: Who approves new software?
            Omar Haddad: I do. I sign off on anything we buy for the cafe.
            """;

    private static boolean migrated;

    @Inject
    CommandLine.IFactory factory;
    @Inject
    Db db;
    @Inject
    WorkspaceStore workspace;
    @Inject
    InterviewStore interviews;
    @Inject
    StepLeases leases;
    @Inject
    InsightStore insights;
    @Inject
    UploadCompletion uploads;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;

    @BeforeEach
    void migrate() {
        if (!migrated) {
            Cli.Run run = Cli.run(factory, "migrate");
            assertEquals(0, run.exit(), run.out() + run.err());
            migrated = true;
        }
    }

    private TestData.Project project() {
        TestData.Project project = new TestData.Project(UUID.randomUUID(), UUID.randomUUID());
        workspace.ensureAccount(project.accountId(), "Bakeries", OWNER);
        workspace.ensureProject(project.projectId(), project.accountId(), "Invoicing", null);
        List<String> questions = List.of(WHO_SIGNS, "How are supplier invoices handled today?",
                "What would they pay for a tool that fixes this?");
        for (int i = 0; i < questions.size(); i++) {
            workspace.ensureQuestion(UUID.randomUUID(), project.projectId(), questions.get(i), i);
        }
        return project;
    }

    private Interview processed(TestData.Project project, String fileName, String transcript) {
        MediaKey key = data.uploadingInterview(project, fileName);
        data.putObject(key, transcript);
        uploads.accept(new ObjectCreated(bucket.name(), key.key(), -1));
        Interview done = data.awaitSettled(key.interviewId());
        assertEquals(InterviewStatus.READY, done.status(), done.progress().encode());
        return done;
    }

    private List<Row> rows(String sql, Object... args) {
        List<Row> rows = new ArrayList<>();
        db.execute(sql, Tuple.from(args)).forEach(rows::add);
        return rows;
    }

    /** getInsights: the themes select, then theme_evidence with the link threshold, as the screen filters. */
    private List<Row> themesScreen(UUID projectId) {
        return rows("""
                SELECT t.id, t.name, t.statement, t.inclusion_criteria, t.exclusion_criteria, t.synonyms, t.anti_examples,
                       t.category, t.jtbd, t.pain, t.desired_outcome, t.journey_stage, t.emotional_response, t.motivation,
                       t.impact, t.priority, t.updated_at, t.project_id, t.created_at,
                       (SELECT count(*) FROM theme_evidence te WHERE te.theme_id = t.id) AS theme_evidence_count,
                       (SELECT count(DISTINCT te.evidence_id) FROM theme_evidence te
                        WHERE te.theme_id = t.id AND (te.confidence IS NULL OR te.confidence >= $2)) AS evidence_count,
                       (SELECT count(DISTINCT e.interview_id) FROM theme_evidence te JOIN evidence e ON e.id = te.evidence_id
                        WHERE te.theme_id = t.id AND (te.confidence IS NULL OR te.confidence >= $2)) AS interview_count
                FROM themes t WHERE t.project_id = $1
                ORDER BY t.created_at DESC""", projectId, LINK_THRESHOLD)
                .stream().filter(r -> r.getLong("evidence_count") > 0).toList();
    }

    @Test
    void the_themes_screen_shows_fewer_broader_themes_with_every_column_insights_fills_one_spanning_both_interviews() {
        TestData.Project project = project();
        Interview bakery = processed(project, "bakery.txt", BAKERY);
        Interview cafe = processed(project, "cafe.txt", CAFE);

        List<Row> shown = themesScreen(project.projectId());
        long quotes = rows("SELECT count(*) AS n FROM evidence WHERE project_id = $1", project.projectId()).get(0).getLong("n");
        assertFalse(shown.isEmpty(), "the themes screen lists Intake's themes");
        assertTrue(shown.size() < quotes, shown.size() + " themes for " + quotes + " quotes: themes are patterns, not quotes");
        for (Row theme : shown) {
            String name = theme.getString("name");
            for (String column : List.of("statement", "inclusion_criteria", "exclusion_criteria")) {
                String value = theme.getString(column);
                assertTrue(value != null && !value.isBlank(), name + ": " + column + " is filled, as Insights' theme generation fills it");
            }
            assertNotNull(theme.getArrayOfStrings("synonyms"), name);
            assertNotNull(theme.getInteger("priority"), name);
            assertTrue(theme.getLong("evidence_count") > 1, name + ": a theme stands on more than one quote");
            assertEquals(theme.getLong("theme_evidence_count"), theme.getLong("evidence_count"),
                    name + ": every link Intake wrote clears the screen's threshold");
            assertFalse(name.matches("(?i)^\\p{L}+ and \\p{L}+$"), name + ": a phrase stating the pattern, not two stray words");
            assertTrue(name.split(" ").length >= 2, name);
        }
        assertTrue(shown.stream().anyMatch(t -> t.getLong("interview_count") == 2),
                "a pattern both interviews speak of is one theme spanning them");
        assertEquals(0, rows("""
                SELECT count(*) AS n FROM theme_evidence te JOIN evidence e ON e.id = te.evidence_id
                WHERE e.interview_id = ANY($1) AND (te.rationale IS NULL OR te.confidence IS NULL OR te.account_id IS NULL
                                                    OR te.project_id IS NULL)""",
                (Object) new UUID[] {bakery.id(), cafe.id()}).get(0).getLong("n"),
                "every link has the rationale, confidence, account and project generateInsights.ts writes");
    }

    @Test
    void the_answers_screen_shows_each_answer_with_its_confidence_rationale_and_only_the_evidence_about_it() {
        TestData.Project project = project();
        Interview bakery = processed(project, "bakery.txt", BAKERY);
        processed(project, "cafe.txt", CAFE);

        List<Row> answers = rows("""
                SELECT a.id, a.project_id, a.interview_id, a.respondent_person_id, a.question_text, a.question_category,
                       a.order_index, a.status, a.answered_at, a.answer_text, a.detected_question_text,
                       a.research_question_id, a.decision_question_id, a.analysis_summary, a.analysis_rationale,
                       a.analysis_next_steps, a.confidence, a.origin, a.analysis_run_metadata,
                       m.evidence_count, m.interview_count
                FROM project_answers a JOIN project_answer_metrics m ON m.project_answer_id = a.id
                WHERE a.project_id = $1""", project.projectId());
        assertFalse(answers.isEmpty());
        assertEquals(2, answers.stream().map(a -> a.getUUID("interview_id")).distinct().count(), "both interviews answer");
        Map<UUID, Set<String>> evidenceShown = new HashMap<>();
        for (Row e : rows("""
                SELECT e.project_answer_id, e.verbatim, e.support, e.modality, e.anchors, e.interview_id, e.created_at
                FROM evidence e WHERE e.project_answer_id = ANY($1) ORDER BY e.created_at""",
                (Object) answers.stream().map(a -> a.getUUID("id")).toArray(UUID[]::new))) {
            evidenceShown.computeIfAbsent(e.getUUID("project_answer_id"), k -> new HashSet<>()).add(e.getString("verbatim"));
        }
        for (Row a : answers) {
            String q = a.getString("question_text");
            assertEquals("answered", a.getString("status"), q);
            assertEquals("analysis", a.getString("origin"), q);
            assertNotNull(a.getValue("answered_at"), q);
            for (String column : List.of("answer_text", "analysis_summary", "analysis_rationale")) {
                String value = a.getString(column);
                assertTrue(value != null && !value.isBlank(), q + ": " + column + " is filled, as runEvidenceAnalysis fills it");
            }
            assertTrue(a.getString("analysis_summary").startsWith("• "), "Insights' summaries are bullets: " + a.getString("analysis_summary"));
            double confidence = a.getNumeric("confidence").doubleValue();
            assertTrue(confidence >= 0.6 && confidence <= 1, q + ": confidence " + confidence);
            assertTrue(a.getLong("evidence_count") > 0, q + ": the screen counts its evidence through evidence.project_answer_id");
            JsonObject metadata = (JsonObject) a.getValue("analysis_run_metadata");
            assertNotNull(metadata.getString("last_run_id"), metadata.encode());
            assertNotNull(metadata.getString("updated_at"), metadata.encode());
            assertFalse(metadata.getJsonObject("evidence_links").isEmpty(), metadata.encode());

            for (Row link : rows("SELECT source, text, payload FROM project_answer_evidence WHERE answer_id = $1", a.getUUID("id"))) {
                assertEquals("analysis", link.getString("source"));
                assertNotNull(link.getString("text"));
                JsonObject payload = (JsonObject) link.getValue("payload");
                assertEquals(Set.of("run_id", "relationship", "confidence", "rationale", "analysis_summary"),
                        payload.fieldNames(), "the payload runEvidenceAnalysis writes: " + payload.encode());
                assertTrue(Set.of("supports", "refutes", "neutral").contains(payload.getString("relationship")));
                assertTrue(metadata.getJsonObject("evidence_links").size() >= 1);
            }
        }
        Row whoSigns = answers.stream().filter(a -> a.getUUID("interview_id").equals(bakery.id())
                && a.getString("question_text").equals(WHO_SIGNS)).findFirst().orElseThrow();
        assertTrue(whoSigns.getString("answer_text").contains("Ruth Okoye"), whoSigns.getString("answer_text"));
        Set<String> shownForWhoSigns = evidenceShown.get(whoSigns.getUUID("id"));
        assertNotNull(shownForWhoSigns);
        assertTrue(shownForWhoSigns.stream().noneMatch(v -> v.contains("calendar")), shownForWhoSigns.toString());
        assertTrue(rows("SELECT text FROM project_answer_evidence WHERE answer_id = $1", whoSigns.getUUID("id")).stream()
                .noneMatch(r -> r.getString("text").contains("calendar")), "the calendar quote is not about who signs");
    }

    /** The insights and personas steps of a new run of the interview, claimed: their leases. */
    private Lease claimed(Interview interview, Step step) {
        String runId = UUID.randomUUID().toString();
        interviews.startRun(interview.id(), runId, RunPlan.resumeFrom(step));
        Lease lease = Lease.newOwner(interview.id());
        leases.claim(lease, runId, step, Duration.ofMinutes(2)).orElseThrow();
        return lease;
    }

    private long count(String sql, Object... args) {
        return rows(sql, args).get(0).getLong(0);
    }

    @Test
    void a_rerun_removes_the_themes_and_personas_its_earlier_run_made_that_nothing_uses_and_nothing_else() {
        TestData.Project project = project();
        Interview bakery = processed(project, "bakery.txt", BAKERY);
        Interview cafe = processed(project, "cafe.txt", CAFE);
        UUID theirs = rows("""
                INSERT INTO themes (account_id, project_id, name, statement) VALUES ($1, $2, 'Deliveries arrive late', 'A researcher''s theme')
                RETURNING id""", project.accountId(), project.projectId()).get(0).getUUID("id");
        Set<UUID> bakeryThemes = new HashSet<>(rows("""
                SELECT DISTINCT te.theme_id FROM theme_evidence te JOIN evidence e ON e.id = te.evidence_id
                WHERE e.interview_id = $1""", bakery.id()).stream().map(r -> r.getUUID("theme_id")).toList());
        Set<UUID> sharedWithCafe = new HashSet<>(rows("""
                SELECT DISTINCT te.theme_id FROM theme_evidence te JOIN evidence e ON e.id = te.evidence_id
                WHERE e.interview_id = $1""", cafe.id()).stream().map(r -> r.getUUID("theme_id")).toList());
        sharedWithCafe.retainAll(bakeryThemes);
        UUID bakeryPersona = rows("SELECT persona_id FROM people_personas WHERE interview_id = $1", bakery.id()).get(0)
                .getUUID("persona_id");
        assertFalse(bakeryThemes.isEmpty());
        UUID taggedByAResearcher = bakeryThemes.stream().filter(t -> !sharedWithCafe.contains(t)).findFirst().orElse(null);
        db.execute("INSERT INTO persona_insights (persona_id, insight_id, project_id) VALUES ($1, $2, $3)",
                Tuple.of(bakeryPersona, taggedByAResearcher == null ? theirs : taggedByAResearcher, project.projectId()));
        long personasBefore = count("SELECT count(*) FROM personas WHERE project_id = $1", project.projectId());

        insights.replaceThemes(claimed(bakery, Step.INSIGHTS), project.accountId(), project.projectId(), List.of());
        insights.replacePersonas(claimed(bakery, Step.PERSONAS), project.accountId(), project.projectId(), List.<PersonaDraft>of());

        assertEquals(0, count("""
                SELECT count(*) FROM theme_evidence te JOIN evidence e ON e.id = te.evidence_id WHERE e.interview_id = $1""",
                bakery.id()), "the re-run found no themes in the bakery interview");
        assertEquals(1, count("SELECT count(*) FROM themes WHERE id = $1", theirs), "a researcher's theme stays");
        for (UUID shared : sharedWithCafe) {
            assertEquals(1, count("SELECT count(*) FROM themes WHERE id = $1", shared), "the cafe interview still uses it");
        }
        for (UUID theme : bakeryThemes) {
            if (!sharedWithCafe.contains(theme)) {
                assertEquals(theme.equals(taggedByAResearcher) ? 1 : 0, count("SELECT count(*) FROM themes WHERE id = $1", theme),
                        "kept only while something (a researcher's persona link) still refers to it");
            }
        }
        assertEquals(1, count("SELECT count(*) FROM personas WHERE id = $1", bakeryPersona),
                "the persona a researcher linked to a theme stays");
        assertEquals(personasBefore, count("SELECT count(*) FROM personas WHERE project_id = $1", project.projectId()));

        db.execute("DELETE FROM persona_insights WHERE persona_id = $1", Tuple.of(bakeryPersona));
        insights.replacePersonas(claimed(bakery, Step.PERSONAS), project.accountId(), project.projectId(), List.<PersonaDraft>of());
        assertEquals(0, count("SELECT count(*) FROM personas WHERE id = $1", bakeryPersona),
                "once nothing refers to it, the persona Intake made is gone");
    }
}
