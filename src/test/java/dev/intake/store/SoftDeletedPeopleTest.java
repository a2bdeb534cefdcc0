package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.interview.Person;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.testing.OnMigratedInsightsDatabase;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * On the database production has (Insights' migrations), a person the web app deleted (Insights'
 * merge_people sets people.deleted_at on the person merged away, keeping the name) is never matched
 * by name, linked to a new interview, or counted; the deleted row itself is left as it is.
 */
@QuarkusTest
@TestProfile(SoftDeletedPeopleTest.OnTheMigrationsBuiltDatabase.class)
class SoftDeletedPeopleTest {

    public static class OnTheMigrationsBuiltDatabase extends OnMigratedInsightsDatabase {
    }

    @Inject
    Migrations migrations;
    @Inject
    InterviewStore interviews;
    @Inject
    EvidenceStore evidence;
    @Inject
    DiagnosticsStore diagnostics;
    @Inject
    UploadCompletion completion;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;
    @Inject
    Db db;

    @BeforeEach
    void migrate() {
        migrations.migrate();
    }

    /** A person as the web app leaves one: created by a user, {@code deleted} when merged away. */
    private UUID person(TestData.Project project, String firstname, String email, String createdAt, boolean deleted) {
        return db.execute("""
                INSERT INTO people (account_id, project_id, firstname, person_type, primary_email, created_at, updated_at,
                                    deleted_at)
                VALUES ($1, $2, $3, 'external', $4, $5::timestamptz, $5::timestamptz,
                        CASE WHEN $6 THEN $5::timestamptz + interval '1 day' END)
                RETURNING id""", Tuple.from(new Object[] {project.accountId(), project.projectId(), firstname, email,
                OffsetDateTime.parse(createdAt), deleted})).iterator().next().getUUID("id");
    }

    private String row(UUID personId) {
        return db.execute("SELECT p::text AS row FROM people p WHERE id = $1", Tuple.of(personId)).iterator().next()
                .getString("row");
    }

    @Test
    void a_soft_deleted_person_of_the_same_name_is_never_matched_linked_or_counted() {
        // The account and project of insights/legacy-rows.sql: accounts need a real auth.users owner here.
        TestData.Project project = new TestData.Project(UUID.fromString("aaaaaaaa-0000-4000-8000-000000000001"),
                UUID.fromString("bbbbbbbb-0000-4000-8000-000000000001"));
        // Older than the live Ana, so a look-up that ignored deleted_at would pick it first.
        UUID deletedAna = person(project, "Ana", "ana@old.example", "2025-01-01T10:00:00Z", true);
        UUID liveAna = person(project, "Ana", null, "2025-06-01T10:00:00Z", false);
        UUID deletedBen = person(project, "Ben", "ben@old.example", "2025-01-01T10:00:00Z", true);
        String deletedAnaBefore = row(deletedAna);
        String deletedBenBefore = row(deletedBen);

        MediaKey key = data.uploadingInterview(project, "night-shift.txt");
        data.putObject(key, "Ana: I run the night shift and the schedules are a mess.\n"
                + "Ben: How do you plan them today?\nAna: I keep a paper binder.\n");
        completion.accept(new ObjectCreated(bucket.name(), key.key(), -1));
        Interview done = data.awaitSettled(key.interviewId());
        assertEquals(InterviewStatus.READY, done.status(), done.progress().encode());

        List<UUID> linked = db.execute("SELECT person_id FROM interview_people WHERE interview_id = $1",
                Tuple.of(done.id())).stream().map(r -> r.getUUID("person_id")).toList();
        assertTrue(linked.contains(liveAna), "the live Ana is matched, not the older deleted one: " + linked);
        assertFalse(linked.contains(deletedAna), "the deleted Ana is not linked");
        assertFalse(linked.contains(deletedBen), "the deleted Ben is not linked");
        UUID ben = evidence.people(done.id()).stream().filter(p -> p.name().equals("Ben")).map(Person::id)
                .findFirst().orElseThrow();
        assertNotEquals(deletedBen, ben, "a Ben of its own is made");
        assertEquals(2L, diagnostics.outputs(done.id()).counts().get("people"));
        assertEquals(deletedAnaBefore, row(deletedAna), "the deleted row is not touched");
        assertEquals(deletedBenBefore, row(deletedBen), "the deleted row is not touched");

        // Later the web app merges Ana away: she is no longer counted, nor built on by the later steps.
        db.execute("UPDATE people SET deleted_at = now() WHERE id = $1", Tuple.of(liveAna));
        assertEquals(1L, diagnostics.outputs(done.id()).counts().get("people"));
        assertEquals(List.of("Ben"), evidence.people(done.id()).stream().map(Person::name).toList());
    }
}
