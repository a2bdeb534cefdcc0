package dev.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.intake.embedded.LocalPostgres;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.Db;
import dev.intake.store.InterviewStore;
import dev.intake.testing.Cli;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * What `intake diagnose` and `intake repair --stuck` tell a person on call to run, run exactly as printed
 * on a configured Insights database with no deployed state machine named (where a bare `intake repair ID`
 * is refused): each one does what the guidance says it does.
 */
@QuarkusTest
@TestProfile(ConfiguredDatabaseCommandsTest.OnAnInsightsDatabase.class)
class SuggestedCommandsTest {

    static final TestData.Project PROJECT = new TestData.Project(ConfiguredDatabaseCommandsTest.ACCOUNT,
            ConfiguredDatabaseCommandsTest.PROJECT);
    /** Left in processing for 8 hours by Insights' own pipeline (insights/legacy-rows.sql). */
    static final UUID INCIDENT = UUID.fromString("931e3b81-ef32-48c3-b6f3-382461b362e4");
    static final UUID NULL_ANALYSIS = UUID.fromString("0ca20000-0000-4000-8000-000000000002");
    static final String INCIDENT_KEY = "interviews/" + PROJECT.accountId() + "/" + PROJECT.projectId() + "/" + INCIDENT + "/call.vtt";

    private static final Pattern COMMAND = Pattern.compile("`(intake [^`]+)`");

    private static boolean migrated;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @Inject
    CommandLine.IFactory factory;
    @Inject
    Db db;
    @Inject
    MediaBucket bucket;
    @Inject
    InterviewStore interviews;
    @Inject
    TestData data;

    @BeforeEach
    void migrateOnce() {
        if (!migrated) {
            Cli.Run migrate = Cli.run(factory, "migrate");
            assertEquals(0, migrate.exit(), migrate.err());
            bucket.ensureExists();
            migrated = true;
        }
    }

    /** The command in backticks on the line starting with {@code prefix}, run as a person would type it. */
    private Cli.Run runSuggested(String printed, String prefix) {
        String line = printed.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in: " + printed));
        Matcher command = COMMAND.matcher(line);
        String typed = command.find() ? command.group(1) : line.substring(prefix.length()).strip();
        String[] words = typed.split(" ");
        assertEquals("intake", words[0], typed);
        return Cli.run(factory, Arrays.copyOfRange(words, 1, words.length));
    }

    /** An interview of the web app's project whose notes file is in the bucket, the upload completed; silent since. */
    private UUID uploadedAndSilentFor(int minutes) throws SQLException {
        MediaKey key = data.uploadingInterview(PROJECT, "notes.txt");
        data.putObject(key, TestData.sample("standup-notes.txt"));
        assertTrue(interviews.completeUpload(key.interviewId(), key.key(), UUID.randomUUID().toString()).won());
        silentFor(key.interviewId(), minutes);
        return key.interviewId();
    }

    /** Nothing written to the interview for {@code minutes}: Insights' trigger, which stamps every update, held off. */
    private void silentFor(UUID id, int minutes) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, LocalPostgres.USER);
             Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute("UPDATE interviews SET updated_at = now() - interval '" + minutes + " minutes' WHERE id = '" + id + "'");
        }
    }

    @Test
    void the_repair_diagnose_suggests_for_a_stalled_interview_runs_as_printed_and_takes_it_to_ready() throws SQLException {
        UUID stalled = uploadedAndSilentFor(30);

        Cli.Run diagnosis = Cli.run(factory, "diagnose", stalled.toString());

        assertTrue(diagnosis.out().contains("Next: stalled in upload for 30 min: `intake repair " + stalled + " --engine local`"
                + " resumes it from upload"), diagnosis.out());
        Cli.Run repair = runSuggested(diagnosis.out(), "Next:");
        assertEquals(0, repair.exit(), repair.out() + repair.err());
        assertEquals(InterviewStatus.READY, data.interview(stalled).status());
    }

    @Test
    void after_a_failure_diagnose_suggests_the_step_the_error_names_and_the_repair_works_as_printed() throws SQLException {
        UUID failed = uploadedAndSilentFor(1);
        String message = "the interview has no transcript; run it again from the upload step";
        db.execute("""
                UPDATE interviews SET status = 'error',
                    conversation_analysis = jsonb_set(conversation_analysis || '{"current_step": "evidence"}',
                        '{intake,error}', jsonb_build_object('step', 'evidence', 'message', $2::text, 'kind', 'permanent',
                                                             'attempts', 1, 'at', now()))
                WHERE id = $1""", Tuple.of(failed, message));

        Cli.Run diagnosis = Cli.run(factory, "diagnose", failed.toString());

        assertTrue(diagnosis.out().contains("last error at evidence (permanent, attempt 1"), diagnosis.out());
        assertTrue(diagnosis.out().contains("Next: fix what the last error says, then `intake repair " + failed
                + " --from upload --engine local`."), diagnosis.out());
        Cli.Run repair = runSuggested(diagnosis.out(), "Next:");
        assertEquals(0, repair.exit(), repair.out() + repair.err());
        assertTrue(repair.out().contains(failed + ": running again from upload"), repair.out());
        assertEquals(InterviewStatus.READY, data.interview(failed).status());
    }

    @Test
    void for_an_upload_whose_event_was_lost_diagnose_suggests_a_sweep_that_runs_as_printed_and_completes_it() throws SQLException {
        MediaKey key = data.uploadingInterview(PROJECT, "notes.txt");
        data.putObject(key, TestData.sample("standup-notes.txt"));
        silentFor(key.interviewId(), 20);

        Cli.Run diagnosis = Cli.run(factory, "diagnose", key.interviewId().toString());

        assertTrue(diagnosis.out().contains("Next: the object arrived but its event did not: `intake sweep --engine local`"),
                diagnosis.out());
        Cli.Run sweep = runSuggested(diagnosis.out(), "Next:");
        assertEquals(0, sweep.exit(), sweep.out() + sweep.err());
        assertTrue(sweep.out().contains("upload completed " + key.interviewId()), sweep.out());
        assertEquals(InterviewStatus.READY, data.interview(key.interviewId()).status());
    }

    @Test
    void repair_stuck_names_what_insights_pipeline_left_stalled_and_the_command_it_prints_takes_it() {
        // This copy of the database leaves one stalled interview that is not Intake's: the incident (the row
        // with no analysis at all is InsightsDropInTest's case).
        db.execute("DELETE FROM interviews WHERE id = $1", Tuple.of(NULL_ANALYSIS));
        data.putObject(MediaKey.parse(INCIDENT_KEY).orElseThrow(), TestData.sample("onboarding-interview.vtt"));

        Cli.Run diagnosis = Cli.run(factory, "diagnose", INCIDENT.toString());
        assertTrue(diagnosis.out().contains("Next: stalled in evidence for 8 h: `intake repair " + INCIDENT + " --engine local`"
                + " resumes it from evidence (the sweeper leaves what Intake has not taken)."), diagnosis.out());

        Cli.Run dry = Cli.run(factory, "repair", "--stuck", "--dry-run");

        assertEquals(0, dry.exit(), dry.err());
        assertFalse(dry.out().contains("would repair " + INCIDENT), dry.out());
        assertTrue(dry.out().contains("not Intake's: " + INCIDENT + " silent for 8 h, left by Insights' pipeline"), dry.out());
        assertTrue(dry.out().contains("To repair these too: intake repair --stuck --any-owner --engine local"), dry.out());
        assertEquals(InterviewStatus.PROCESSING, data.interview(INCIDENT).status(), "a dry run changes nothing");

        Cli.Run takeOver = runSuggested(dry.out(), "To repair these too:");

        assertEquals(0, takeOver.exit(), takeOver.out() + takeOver.err());
        assertTrue(takeOver.out().contains("repairing " + INCIDENT), takeOver.out());
        assertEquals(InterviewStatus.READY, data.interview(INCIDENT).status());
    }
}
