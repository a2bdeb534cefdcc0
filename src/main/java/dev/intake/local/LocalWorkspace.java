package dev.intake.local;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.intake.access.LocalUser;
import dev.intake.media.MediaBucket;
import dev.intake.store.Migrations;
import dev.intake.store.WorkspaceStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The account and project local runs file interviews under. Ids are derived from names, so every
 * run finds the same ones and a second run adds to the first. Local data only: on a configured
 * database nothing here runs (cli/ProjectChoice).
 */
@ApplicationScoped
public class LocalWorkspace {

    public static final UUID ACCOUNT_ID = nameId("account:local");
    public static final UUID PROJECT_ID = nameId("project:local");

    public static final List<String> DEFAULT_QUESTIONS = List.of(
            "What problems do they have today?",
            "What have they tried so far?",
            "What are they willing to pay for?",
            "Who decides on buying a tool?");

    private final WorkspaceStore workspace;
    private final Migrations migrations;
    private final MediaBucket bucket;

    LocalWorkspace(WorkspaceStore workspace, Migrations migrations, MediaBucket bucket) {
        this.workspace = workspace;
        this.migrations = migrations;
        this.bucket = bucket;
    }

    /**
     * Readies a local database and bucket for use: migrated, the bucket there, the local account and
     * project with {@code questions}.
     */
    public void prepare(List<String> questions) {
        whileTheBucketIsChecked(() -> {
            migrations.migrate();
            StartupTrace.mark("migrations checked");
            ensure(questions);
        });
    }

    /** The local database migrated and the local bucket there: what a project named on local data needs. */
    public void prepareStorage() {
        whileTheBucketIsChecked(() -> {
            migrations.migrate();
            StartupTrace.mark("migrations checked");
        });
    }

    /**
     * Runs {@code databaseWork} while the bucket is checked (made if missing) on a thread of its own: the
     * first S3 call builds the client, which takes about as long as the migrations' check and the first
     * statements together, and the two share nothing. Returns once both are done; a failure of either
     * is thrown.
     */
    private void whileTheBucketIsChecked(Runnable databaseWork) {
        CompletableFuture<Void> bucketChecked = CompletableFuture.runAsync(() -> {
            bucket.ensureExists();
            StartupTrace.mark("bucket checked");
        }, task -> new Thread(task, "intake-bucket-check").start());
        try {
            databaseWork.run();
        } catch (RuntimeException databaseFailure) {
            // The database's failure is the one to report; the check is let finish, whatever it found.
            bucketChecked.handle((done, failure) -> null).join();
            throw databaseFailure;
        }
        try {
            bucketChecked.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** {@code questions} among the questions of {@code project}, a project of the local data someone named. */
    public void addQuestions(UUID project, List<String> questions) {
        for (int i = 0; i < questions.size(); i++) {
            workspace.ensureQuestion(nameId("question:" + project + ":" + questions.get(i)), project, questions.get(i), i);
        }
    }

    /**
     * A project of its own, named {@code name}, whose questions are exactly {@code questions} (the
     * evaluation gives each labeled interview the questions it was labeled with); its id. Once
     * {@link #prepare} has run.
     */
    public UUID prepareProject(String name, List<String> questions) {
        UUID project = nameId("project:" + name);
        workspace.ensureProject(project, ACCOUNT_ID, name, "Interviews processed with `intake eval`");
        for (int i = 0; i < questions.size(); i++) {
            workspace.ensureQuestion(nameId("question:" + name + ":" + questions.get(i)), project, questions.get(i), i);
        }
        return project;
    }

    /** Makes sure the local account and project exist, with {@code questions} among the project's questions. */
    private void ensure(List<String> questions) {
        workspace.ensureAccount(ACCOUNT_ID, "Local", LocalUser.ID);
        workspace.ensureMember(ACCOUNT_ID, LocalUser.ID, "owner");
        workspace.ensureProject(PROJECT_ID, ACCOUNT_ID, "Local interviews", "Interviews processed with `intake process`");
        for (int i = 0; i < questions.size(); i++) {
            workspace.ensureQuestion(nameId("question:" + questions.get(i)), PROJECT_ID, questions.get(i), i);
        }
    }

    private static UUID nameId(String name) {
        return UUID.nameUUIDFromBytes(("intake:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
