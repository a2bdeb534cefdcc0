package dev.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.interview.PeopleResolution;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.Db;
import dev.intake.store.Interview;
import dev.intake.testing.Cli;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * The Insights web app's evidence page ({@code app/features/evidence/pages/index.tsx}) and people page
 * ({@code app/features/people/db.ts}, getPeople and getPersonById) run their own selections, written
 * here as SQL, on what Intake wrote for an interview processed on a real Insights database; each
 * column those screens render that Insights' pipeline fills must be filled, in Insights' shape.
 */
@QuarkusTest
@TestProfile(EvidenceAndPeopleScreensTest.OnItsOwnInsightsDatabase.class)
class EvidenceAndPeopleScreensTest {

    /**
     * The drop-in test's database, built afresh for this class: a profile of its own restarts the
     * application, and with it the resource that rebuilds the database, so neither class sees the
     * other's interviews whichever runs first.
     */
    public static class OnItsOwnInsightsDatabase extends InsightsDropInTest.OnAnInsightsDatabase {
    }

    private static UUID interviewId;

    @Inject
    CommandLine.IFactory factory;
    @Inject
    Db db;
    @Inject
    UploadCompletion uploads;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;

    /** The onboarding call, uploaded by the account's owner as Insights' desktop app does, processed once. */
    private UUID processed() {
        if (interviewId == null) {
            Cli.Run migrate = Cli.run(factory, "migrate");
            assertEquals(0, migrate.exit(), migrate.err());
            UUID id = UUID.randomUUID();
            db.execute("""
                    INSERT INTO interviews (id, account_id, project_id, title, status, source_type, created_by)
                    VALUES ($1, $2, $3, 'Screens call', 'uploading', 'transcript_import', $4)""",
                    Tuple.of(id, InsightsDropInTest.ACCOUNT, InsightsDropInTest.PROJECT, InsightsDropInTest.OWNER));
            MediaKey key = new MediaKey(InsightsDropInTest.ACCOUNT, InsightsDropInTest.PROJECT, id, "screens.vtt");
            data.putObject(key, TestData.sample("onboarding-interview.vtt"));
            uploads.accept(new ObjectCreated(bucket.name(), key.key(), -1));
            Interview done = data.awaitSettled(id);
            assertEquals(InterviewStatus.READY, done.status(), done.progress().encode());
            interviewId = id;
        }
        return interviewId;
    }

    private List<Row> rows(String sql, Object... args) {
        List<Row> rows = new ArrayList<>();
        db.execute(sql, Tuple.from(args)).forEach(rows::add);
        return rows;
    }

    @Test
    void the_evidence_page_shows_every_field_insights_fills_with_kind_facets_and_speakers() {
        UUID id = processed();
        UUID project = InsightsDropInTest.PROJECT;
        // The page's evidence query, filtered to the interview as its interview filter does.
        List<Row> evidence = rows("""
                SELECT e.id, e.verbatim, e.gist, e.chunk, e.topic, e.context_summary, e.support, e.confidence,
                       e.created_at, e.journey_stage, e.method, e.anchors, e.interview_id,
                       i.id AS interview_row, i.title, i.media_url, i.duration_sec
                FROM evidence e LEFT JOIN interviews i ON i.id = e.interview_id
                WHERE e.project_id = $1 AND e.deleted_at IS NULL AND e.is_archived = false AND e.interview_id = $2
                ORDER BY e.created_at DESC""", project, id);
        assertFalse(evidence.isEmpty());
        Set<String> kindKeys = Set.of("pain", "goal", "willingness_to_pay", "workaround", "context");
        UUID[] ids = evidence.stream().map(r -> r.getUUID("id")).toArray(UUID[]::new);
        for (Row e : evidence) {
            String quote = e.getString("verbatim");
            for (String column : List.of("verbatim", "gist", "chunk", "topic", "context_summary")) {
                assertNotNull(e.getString(column), column + " of \"" + quote + "\"");
            }
            assertTrue(e.getString("chunk").contains(quote), "the chunk holds the quote: " + quote);
            assertFalse(kindKeys.contains(e.getString("topic")), "topic is a topic, not the kind: " + e.getString("topic"));
            assertEquals("supports", e.getString("support"));
            assertTrue(Set.of("low", "medium", "high").contains(e.getString("confidence")), e.getString("confidence"));
            assertEquals("interview", e.getString("method"));
            assertNull(e.getString("journey_stage"), "Insights' extraction leaves the journey stage empty");
            JsonObject anchor = ((JsonArray) e.getValue("anchors")).getJsonObject(0);
            assertTrue(anchor.getValue("start_ms") instanceof Number && anchor.getString("media_key") != null, anchor.encode());
            assertNotNull(e.getUUID("interview_row"));
        }

        // Its facets and people, as the page loads them for the listed evidence.
        List<Row> facets = rows("""
                SELECT ef.evidence_id, ef.kind_slug, ef.label, ef.facet_account_id, ef.person_id,
                       fk.slug AS catalog_kind, fa.account_id AS facet_account
                FROM evidence_facet ef
                LEFT JOIN facet_account fa ON fa.id = ef.facet_account_id
                LEFT JOIN facet_kind_global fk ON fk.id = fa.kind_id
                WHERE ef.project_id = $1 AND ef.evidence_id = ANY($2)""", project, ids);
        List<Row> speakers = rows("""
                SELECT ep.evidence_id, ep.role, ep.person_id, p.name
                FROM evidence_people ep LEFT JOIN people p ON p.id = ep.person_id AND p.project_id = $1
                WHERE ep.project_id = $1 AND ep.evidence_id = ANY($2)""", project, ids);
        Map<UUID, Integer> facetsOf = new HashMap<>();
        for (Row f : facets) {
            facetsOf.merge(f.getUUID("evidence_id"), 1, Integer::sum);
            assertEquals(f.getString("kind_slug"), f.getString("catalog_kind"), "the facet is of its kind in the catalog");
            assertEquals(InsightsDropInTest.ACCOUNT, f.getUUID("facet_account"));
            assertNotNull(f.getString("label"));
            assertNotNull(f.getUUID("person_id"), "whose signal it is");
        }
        Map<UUID, Integer> speakersOf = new HashMap<>();
        for (Row s : speakers) {
            speakersOf.merge(s.getUUID("evidence_id"), 1, Integer::sum);
            assertEquals("Dana Whitfield", s.getString("name"), "the speaker's name, from the project's people");
            assertEquals("participant", s.getString("role"));
        }
        for (UUID e : ids) {
            assertTrue(facetsOf.getOrDefault(e, 0) >= 1, "every piece of evidence has its kind as a facet");
            assertEquals(1, speakersOf.getOrDefault(e, 0), "every piece of evidence has its speaker");
        }
        // The page's kind filter finds this interview's pains.
        assertTrue(rows("SELECT evidence_id FROM evidence_facet WHERE project_id = $1 AND kind_slug = 'pain'", project)
                .stream().anyMatch(r -> List.of(ids).contains(r.getUUID("evidence_id"))));
    }

    @Test
    void the_people_page_lists_the_interviewee_with_the_interview_and_keeps_the_team_and_labels_out() {
        UUID id = processed();
        // getPeople, scope project, internal people left out (its default), with the interviews embedded.
        List<Row> people = rows("""
                SELECT p.id, p.name, p.firstname, p.lastname, p.person_type, p.user_id,
                       ARRAY(SELECT i.id FROM interview_people ip JOIN interviews i ON i.id = ip.interview_id
                             WHERE ip.person_id = p.id) AS interviews
                FROM people p
                WHERE p.account_id = $1 AND (p.person_type IS NULL OR p.person_type <> 'internal') AND p.project_id = $2
                ORDER BY p.created_at DESC""", InsightsDropInTest.ACCOUNT, InsightsDropInTest.PROJECT);
        List<String> withThisInterview = people.stream()
                .filter(p -> List.of((UUID[]) p.getArrayOfUUIDs("interviews")).contains(id))
                .map(p -> p.getString("name")).toList();
        assertEquals(List.of("Dana Whitfield"), withThisInterview,
                "the interviewee; not the interviewer, who is the team's, nor the manager she only mentions");
        for (Row p : people) {
            String name = p.getString("name");
            assertFalse(name != null && PeopleResolution.isGenericPersonLabel(name), "a label is never a person: " + name);
            String first = p.getString("firstname");
            assertFalse(first != null && first.matches("(?i)(dr|mr|mrs|ms|prof)\\.?"), "an honorific is no first name: " + name);
        }

        // The interviewer: an internal person of the account's member who created the interview.
        Row interviewer = rows("""
                SELECT p.person_type, p.user_id, ip.transcript_key, ip.display_name
                FROM interview_people ip JOIN people p ON p.id = ip.person_id
                WHERE ip.interview_id = $1 AND ip.role = 'interviewer'""", id).get(0);
        assertEquals("internal", interviewer.getString("person_type"));
        assertNotNull(interviewer.getUUID("user_id"), "tied to the account's user, so no theme counts them as a customer");
        assertEquals("Priya Raman", interviewer.getString("transcript_key"));

        // getPersonById's interviews for the interviewee.
        List<Row> detail = rows("""
                SELECT ip.id, i.id AS interview, i.title, i.created_at, i.source_type, i.media_type
                FROM people p JOIN interview_people ip ON ip.person_id = p.id JOIN interviews i ON i.id = ip.interview_id
                WHERE p.account_id = $1 AND p.name = 'Dana Whitfield' AND i.id = $2""", InsightsDropInTest.ACCOUNT, id);
        assertEquals(1, detail.size());
        assertEquals("Screens call", detail.get(0).getString("title"));
    }
}
