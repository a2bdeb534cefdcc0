package dev.intake.cli;

import dev.intake.console.LocalModeConfig;
import dev.intake.local.LocalWorkspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.eval.InterviewResult;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaConfig;
import dev.intake.store.Db;
import dev.intake.store.Interview;
import dev.intake.store.WorkspaceStore;
import dev.intake.testing.Cli;
import dev.intake.testing.InsightsDatabaseResource;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * The commands that file interviews, on a configured database: a real Insights database (with its
 * auth.users and the web app's account, project and research questions), not local data. They work in
 * the project the operator names and never make an account, user, project or question there.
 */
@QuarkusTest
@TestProfile(ConfiguredDatabaseCommandsTest.OnAnInsightsDatabase.class)
class ConfiguredDatabaseCommandsTest {

    public static class OnAnInsightsDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(InsightsDatabaseResource.class));
        }
    }

    /** The web app's project in the Insights database (insights/legacy-rows.sql), with two research questions. */
    static final UUID ACCOUNT = UUID.fromString("aaaaaaaa-0000-4000-8000-000000000001");
    static final UUID PROJECT = UUID.fromString("bbbbbbbb-0000-4000-8000-000000000001");
    static final String SAMPLE = "samples/onboarding-interview.vtt";

    private static boolean migrated;

    @Inject
    CommandLine.IFactory factory;
    @Inject
    Db db;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;
    @Inject
    ObjectMapper json;
    @Inject
    LocalModeConfig localMode;
    @Inject
    MediaConfig media;
    @Inject
    HomeConfig home;
    @Inject
    LocalWorkspace localWorkspace;
    @Inject
    WorkspaceStore workspace;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String reactiveUrl;

    /** Migrated as an operator does first; the bucket is the deployment's, there before Intake runs. */
    @BeforeEach
    void migrateOnce() {
        if (!migrated) {
            Cli.Run migrate = Cli.run(factory, "migrate");
            assertEquals(0, migrate.exit(), migrate.err());
            bucket.ensureExists();
            migrated = true;
        }
    }

    /** The rows of the tables Intake must never write on a customer's database. */
    private String workspaceRows() {
        return db.execute("""
                SELECT (SELECT count(*) FROM accounts.accounts) || ' accounts, '
                    || (SELECT count(*) FROM accounts.account_user) || ' members, '
                    || (SELECT count(*) FROM auth.users) || ' users, '
                    || (SELECT count(*) FROM projects) || ' projects, '
                    || (SELECT count(*) FROM research_questions) || ' questions' AS rows""", Tuple.tuple())
                .iterator().next().getString("rows");
    }

    private long interviews() {
        return db.execute("SELECT count(*) AS n FROM interviews", Tuple.tuple()).iterator().next().getLong("n");
    }

    /** What the command said on stderr after the line naming the database. */
    private static List<String> afterTarget(Cli.Run run) {
        List<String> lines = run.err().lines().toList();
        assertTrue(lines.get(0).startsWith("intake "), run.err());
        assertTrue(lines.get(0).contains(": database postgresql://localhost:"), "the database is named first: " + run.err());
        assertTrue(lines.get(0).contains("/insights_dropin"), run.err());
        return lines.subList(1, lines.size());
    }

    @Test
    void every_command_names_the_configured_database_before_it_does_anything() {
        String id = UUID.randomUUID().toString();
        List<String[]> commands = List.of(new String[] {"process", SAMPLE}, new String[] {"eval"},
                new String[] {"serve", "--port", "0"}, new String[] {"throughput", "--interviews", "1"}, new String[] {"diagnose", id},
                new String[] {"workflow-state", id}, new String[] {"repair", id}, new String[] {"sweep"}, new String[] {"migrate"},
                new String[] {"audit-schema"}, new String[] {"sweep-scan", "--runs", "1"});
        for (String[] args : commands) {
            Cli.Run run = Cli.run(factory, args);

            String first = run.err().lines().findFirst().orElse("");
            assertTrue(first.startsWith("intake " + args[0] + ": database ") && first.contains("localhost:")
                    && first.contains("/insights_dropin") && !first.contains("password"), String.join(" ", args) + ": " + run.err());
        }
        assertEquals(IntakeCli.commandLine(CommandLine.defaultFactory()).getSubcommands().keySet(),
                commands.stream().map(args -> args[0]).collect(java.util.stream.Collectors.toSet()), "every command is run above");
    }

    @Test
    void commands_that_file_interviews_refuse_in_one_line_without_a_project_and_write_nothing() {
        String before = workspaceRows();
        long interviewsBefore = interviews();

        for (String[] args : List.of(new String[] {"process", SAMPLE}, new String[] {"throughput", "--interviews", "1"},
                new String[] {"serve", "--port", "0"})) {
            Cli.Run run = Cli.run(factory, args);

            assertEquals(2, run.exit(), String.join(" ", args) + ": " + run.out() + run.err());
            assertEquals(List.of("intake " + args[0] + ": this is a configured database, where Intake creates no account or"
                    + " project: name the project to file interviews under with --project ID (an id of its projects table)"),
                    afterTarget(run));
            assertEquals("", run.out());
        }

        assertEquals(before, workspaceRows());
        assertEquals(interviewsBefore, interviews());
    }

    @Test
    void questions_an_unknown_project_and_eval_are_refused_in_one_line_and_write_nothing() {
        String before = workspaceRows();
        long interviewsBefore = interviews();
        UUID unknown = UUID.randomUUID();

        Cli.Run question = Cli.run(factory, "process", SAMPLE, "--project", PROJECT.toString(), "--question", "Why now?");
        Cli.Run missing = Cli.run(factory, "process", SAMPLE, "--project", unknown.toString());
        Cli.Run eval = Cli.run(factory, "eval", "bench/eval");

        assertEquals(2, question.exit(), question.err());
        assertEquals(List.of("intake process: --question is for local data: on a configured database interviews are answered"
                + " against the project's own research questions, and Intake adds none"), afterTarget(question));
        assertEquals(2, missing.exit(), missing.err());
        assertEquals(List.of("intake process: --project " + unknown + ": there is no such project in this database"),
                afterTarget(missing));
        assertEquals(2, eval.exit(), eval.err());
        assertEquals(1, afterTarget(eval).size(), eval.err());
        assertTrue(afterTarget(eval).get(0).startsWith("intake eval: runs on local data only, never on a configured database"),
                eval.err());
        assertEquals(before, workspaceRows());
        assertEquals(interviewsBefore, interviews());
    }

    @Test
    void a_malformed_project_id_is_one_line_before_anything_starts() {
        assertEquals(Optional.of("intake process: Invalid value for option '--project': 'bbbbbbbb' is not a project id"
                + " (see intake process --help)"), ArgumentCheck.problem("process", SAMPLE, "--project", "bbbbbbbb"));
    }

    @Test
    void process_with_a_project_files_the_interview_in_it_answering_its_own_questions() throws Exception {
        String before = workspaceRows();

        Cli.Run run = Cli.run(factory, "process", SAMPLE, "--project", PROJECT.toString(), "--json");

        assertEquals(0, run.exit(), run.err());
        afterTarget(run);
        InterviewResult result = json.readValue(run.out(), InterviewResult.class);
        assertEquals("ready", result.status());
        Interview filed = data.interview(UUID.fromString(result.interviewId()));
        assertEquals(InterviewStatus.READY, filed.status());
        assertEquals(ACCOUNT, filed.accountId());
        assertEquals(PROJECT, filed.projectId());
        assertTrue(filed.mediaKey().startsWith("interviews/" + ACCOUNT + "/" + PROJECT + "/" + filed.id() + "/"), filed.mediaKey());
        assertEquals(List.of("What have they tried so far?", "What slows onboarding down?"),
                result.answers().stream().map(InterviewResult.Answer::question).distinct().sorted().toList(), run.out());
        assertEquals(before, workspaceRows());
    }

    @Test
    void without_bucket_settings_process_names_them_in_one_line_and_writes_nothing() throws Exception {
        assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null
                && System.getProperty("aws.region") == null, "this machine names an AWS region");
        CommandTarget noBucket = new CommandTarget(localMode, media, home, Optional.of(reactiveUrl), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        ProcessCommand process = factory.create(ProcessCommand.class);
        LocalPipeline local = process.pipeline;
        process.pipeline = new LocalPipeline(local.localMode(), local.sweeper(), local.localEngine(), local.media(), noBucket,
                new ProjectChoice(noBucket, localWorkspace, workspace),
                local.run(), local.report(), local.json(), local.engines(), local.modelWarmUp(), local.bucket(), local.interviews());
        String before = workspaceRows();
        long interviewsBefore = interviews();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = new CommandLine(process, factory).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(SAMPLE, "--project", PROJECT.toString());

        assertEquals(2, exit, err.toString());
        assertEquals("intake process: no bucket is configured: set QUARKUS_S3_ENDPOINT_OVERRIDE (R2 or another S3-compatible"
                + " server) or the AWS region of the bucket (QUARKUS_S3_AWS_REGION, AWS_REGION or AWS_DEFAULT_REGION)",
                err.toString().strip());
        assertEquals("", out.toString());
        assertEquals(before, workspaceRows());
        assertEquals(interviewsBefore, interviews());
    }

    @Test
    void throughput_with_a_project_runs_its_interviews_there() {
        String before = workspaceRows();
        long inProject = db.execute("SELECT count(*) AS n FROM interviews WHERE project_id = $1 AND account_id = $2",
                Tuple.of(PROJECT, ACCOUNT)).iterator().next().getLong("n");

        Cli.Run run = Cli.run(factory, "throughput", "--project", PROJECT.toString(), "--interviews", "2");

        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("interviews=2 ready=2 error=0"), run.out());
        assertEquals(inProject + 2, db.execute("SELECT count(*) AS n FROM interviews WHERE project_id = $1 AND account_id = $2",
                Tuple.of(PROJECT, ACCOUNT)).iterator().next().getLong("n"));
        assertEquals(before, workspaceRows());
    }

    @Test
    void serve_with_a_project_serves_and_says_where_interviews_go() throws Exception {
        String before = workspaceRows();

        String out = ServeCommandTest.serveUntil(factory, () -> {
        }, "--project", PROJECT.toString());

        assertTrue(out.contains("account " + ACCOUNT + ", project " + PROJECT), out);
        assertEquals(before, workspaceRows());
    }
}
