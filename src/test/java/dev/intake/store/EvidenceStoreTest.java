package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.interview.EvidenceDetail;
import dev.intake.interview.EvidenceDraft;
import dev.intake.interview.EvidenceFindings;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.FacetMention;
import dev.intake.interview.PersonDraft;
import dev.intake.interview.PersonRole;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.RunPlan;
import dev.intake.workflow.Step;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * The evidence step's rows as Insights' v2 pipeline writes them: evidence facets in the account's
 * catalog, the evidence-turn fields, and people resolved by Insights' rules.
 *
 * <p>Also the cases of Insights' own {@code extractEvidenceCore.test.ts} about whom a facet belongs to
 * ("person_id attribution"), one test each, against the rows Intake writes. Does not apply: "simulates
 * the old broken pattern for comparison", which describes a two-step insert-then-update Intake never
 * had (each facet row is written once, with its person). The cases about which turns are kept are in
 * {@code EvidenceSelectionTest}.
 */
@QuarkusTest
class EvidenceStoreTest {

    @Inject
    InterviewStore interviews;
    @Inject
    StepLeases leases;
    @Inject
    EvidenceStore evidence;
    @Inject
    UploadCompletion completion;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;
    @Inject
    Db db;

    private record Written(TestData.Project project, UUID interviewId) {
    }

    private Written interview() {
        TestData.Project project = data.project();
        MediaKey key = new MediaKey(project.accountId(), project.projectId(), UUID.randomUUID(), "notes.txt");
        interviews.insert(new InterviewStore.NewInterview(key.interviewId(), project.accountId(), project.projectId(),
                "notes.txt", Interview.Source.upload("notes.txt"), null, null), InterviewStatus.UPLOADING);
        data.putObject(key, TestData.sample("standup-notes.txt"));
        completion.accept(new ObjectCreated(bucket.name(), key.key(), -1));
        assertEquals(InterviewStatus.READY, data.awaitSettled(key.interviewId()).status());
        return new Written(project, key.interviewId());
    }

    /** The evidence step run again with these findings, as an analyzer would return them. */
    private void write(Written w, List<EvidenceDraft> found, PersonDraft... people) {
        String runId = UUID.randomUUID().toString();
        interviews.startRun(w.interviewId(), runId, RunPlan.resumeFrom(Step.EVIDENCE));
        Lease lease = Lease.newOwner(w.interviewId());
        leases.claim(lease, runId, Step.EVIDENCE, Duration.ofMinutes(2)).orElseThrow();
        evidence.replace(lease, w.project().accountId(), w.project().projectId(), null,
                new EvidenceFindings(found, List.of(people)));
    }

    private static PersonDraft interviewee(String name) {
        return new PersonDraft(name, PersonRole.INTERVIEWEE, null);
    }

    private static PersonDraft interviewer(String name) {
        return new PersonDraft(name, PersonRole.INTERVIEWER, null);
    }

    private static EvidenceDraft said(String speaker, String quote) {
        return new EvidenceDraft(EvidenceKind.PAIN, quote, speaker, 1.0, 2.0);
    }

    private List<String> linked(UUID interviewId) {
        List<String> rows = new ArrayList<>();
        for (Row r : db.execute("""
                SELECT coalesce(p.firstname, '-') || '|' || coalesce(p.lastname, '-') || '|' || coalesce(ip.role, '-')
                       || '|' || coalesce(ip.transcript_key, '-') || '|' || coalesce(p.person_type, '-') AS row
                FROM interview_people ip JOIN people p ON p.id = ip.person_id
                WHERE ip.interview_id = $1 ORDER BY p.name""", Tuple.of(interviewId))) {
            rows.add(r.getString("row"));
        }
        return rows;
    }

    private long count(String sql, Object... args) {
        return db.execute(sql, Tuple.from(args)).iterator().next().getLong(0);
    }

    private UUID person(UUID accountId, String first, String last, String email, UUID userId) {
        return db.execute("""
                INSERT INTO people (account_id, firstname, lastname, primary_email, user_id, person_type)
                VALUES ($1, $2, $3, $4, $5, CASE WHEN $5::uuid IS NULL THEN NULL ELSE 'internal' END) RETURNING id""",
                Tuple.from(java.util.Arrays.asList(accountId, first, last, email, userId))).iterator().next().getUUID("id");
    }

    private UUID member(UUID accountId) {
        UUID user = UUID.randomUUID();
        db.execute("INSERT INTO accounts.account_user (account_id, user_id, account_role) VALUES ($1, $2, 'member')",
                Tuple.of(accountId, user));
        return user;
    }

    private boolean exists(UUID personId) {
        return count("SELECT count(*) FROM people WHERE id = $1", personId) == 1;
    }

    private UUID personNamed(UUID accountId, String name) {
        return db.execute("SELECT id FROM people WHERE account_id = $1 AND name = $2", Tuple.of(accountId, name))
                .iterator().next().getUUID("id");
    }

    @Test
    void a_rerun_removes_the_people_its_earlier_run_created_that_nothing_references_any_more_and_no_one_else() {
        Written w = interview();
        UUID accountId = w.project().accountId();
        UUID lee = person(accountId, "Lee", "Park", null, null);
        write(w, List.of(said("Dana Reyes", "Invoices take a week."), said("Kim Ode", "Nobody owns the export."),
                        said("Sam Ortiz", "We retype every order."), said("Lee Park", "The depot codes drift.")),
                interviewee("Dana Reyes"), interviewee("Kim Ode"), interviewee("Sam Ortiz"), interviewee("Lee Park"));
        UUID dana = personNamed(accountId, "Dana Reyes");
        UUID kim = personNamed(accountId, "Kim Ode");
        UUID sam = personNamed(accountId, "Sam Ortiz");
        // A user links Sam to another interview of the account.
        UUID other = UUID.randomUUID();
        interviews.insert(new InterviewStore.NewInterview(other, accountId, w.project().projectId(), "other.txt",
                Interview.Source.upload("other.txt"), null, null), InterviewStatus.UPLOADING);
        db.execute("INSERT INTO interview_people (interview_id, person_id, project_id, role) VALUES ($1, $2, $3, 'participant')",
                Tuple.of(other, sam, w.project().projectId()));

        write(w, List.of(said("Dana Reyes", "Invoices take a week.")), interviewee("Dana Reyes"));

        assertFalse(exists(kim), "created by the first run, referenced by nothing now");
        assertEquals(0, count("SELECT count(*) FROM intake.interview_outputs WHERE table_name = 'people' AND row_id = $1",
                kim.toString()), "and no longer recorded");
        assertEquals(dana, personNamed(accountId, "Dana Reyes"), "a person found again keeps its row");
        assertTrue(exists(sam), "still linked elsewhere");
        assertTrue(exists(lee), "created by someone else, never removed");
        assertEquals(List.of("Dana|Reyes|participant|Dana Reyes|-"), linked(w.interviewId()));
    }

    @Test
    void generic_labels_are_never_people_and_an_interviewee_so_labelled_is_insights_unknown_participant() {
        Written w = interview();
        write(w, List.of(said("Speaker B", "Reconciling the bank feed takes three days.")),
                interviewer("Interviewer"), interviewee("Speaker B"));
        assertEquals(List.of("Unknown|Participant|participant|Speaker B|-"), linked(w.interviewId()));
        assertEquals(0, count("SELECT count(*) FROM people WHERE account_id = $1 AND name_hash IN ('interviewer', 'speaker b')",
                w.project().accountId()));
    }

    @Test
    void an_honorific_is_never_a_first_name() {
        Written w = interview();
        write(w, List.of(), interviewee("Dr. Amara Okafor"), interviewee("Dr. Lind"));
        assertEquals(List.of("Amara|Okafor|participant|Dr. Amara Okafor|-", "-|Lind|participant|Dr. Lind|-"),
                linked(w.interviewId()));
    }

    @Test
    void a_person_only_mentioned_is_neither_linked_nor_created() {
        Written w = interview();
        write(w, List.of(), interviewee("Dana Whitfield"), new PersonDraft("Marcus Lee", PersonRole.MENTIONED, "manager"));
        assertEquals(List.of("Dana|Whitfield|participant|Dana Whitfield|-"), linked(w.interviewId()));
        assertEquals(0, count("SELECT count(*) FROM people WHERE account_id = $1 AND name_hash = 'marcus lee'",
                w.project().accountId()));
    }

    @Test
    void a_named_interviewer_is_the_account_members_person_of_that_name() {
        Written w = interview();
        UUID user = member(w.project().accountId());
        UUID priya = person(w.project().accountId(), "Priya", "Raman", "priya@example.com", user);
        write(w, List.of(), interviewer("Priya Raman"), interviewee("Dana Whitfield"));
        assertEquals(1, count("SELECT count(*) FROM interview_people WHERE interview_id = $1 AND person_id = $2"
                + " AND role = 'interviewer'", w.interviewId(), priya));
        assertEquals(1, count("SELECT count(*) FROM people WHERE account_id = $1 AND name_hash = 'priya raman'",
                w.project().accountId()), "no second Priya Raman");
    }

    @Test
    void a_generic_interviewer_is_the_person_of_the_member_who_created_the_interview() {
        Written w = interview();
        UUID user = member(w.project().accountId());
        UUID noor = person(w.project().accountId(), "Noor", "Haddad", "noor@example.com", user);
        db.execute("UPDATE interviews SET created_by = $2 WHERE id = $1", Tuple.of(w.interviewId(), user));
        write(w, List.of(), interviewer("Interviewer"), interviewee("Dana Whitfield"));
        assertEquals(1, count("SELECT count(*) FROM interview_people WHERE interview_id = $1 AND person_id = $2"
                + " AND role = 'interviewer' AND transcript_key = 'Interviewer'", w.interviewId(), noor));
    }

    @Test
    void a_named_interviewer_nobody_has_yet_is_created_internal_and_tied_to_the_member_who_created_the_interview() {
        Written w = interview();
        UUID user = member(w.project().accountId());
        db.execute("UPDATE interviews SET created_by = $2 WHERE id = $1", Tuple.of(w.interviewId(), user));
        write(w, List.of(), interviewer("Lena Voss"), interviewee("Dana Whitfield"));
        Row lena = db.execute("SELECT person_type, user_id FROM people WHERE account_id = $1 AND name_hash = 'lena voss'",
                Tuple.of(w.project().accountId())).iterator().next();
        assertEquals("internal", lena.getString("person_type"));
        assertEquals(user, lena.getUUID("user_id"));
        assertEquals(1, count("SELECT count(*) FROM people WHERE account_id = $1 AND user_id = $2",
                w.project().accountId(), user), "the member's one person");
    }

    @Test
    void of_two_people_with_the_speakers_name_the_one_insights_identifies_by_name_alone_is_linked() {
        Written w = interview();
        UUID withEmail = person(w.project().accountId(), "Alex", "Kim", "alex@acme.example", null);
        UUID byName = person(w.project().accountId(), "Alex", "Kim", null, null);
        write(w, List.of(), interviewee("Alex Kim"));
        assertEquals(1, count("SELECT count(*) FROM interview_people WHERE interview_id = $1 AND person_id = $2",
                w.interviewId(), byName));
        assertEquals(0, count("SELECT count(*) FROM interview_people WHERE interview_id = $1 AND person_id = $2",
                w.interviewId(), withEmail));
    }

    @Test
    void a_speaker_named_like_someone_with_an_email_only_is_a_new_person() {
        Written w = interview();
        UUID withEmail = person(w.project().accountId(), "Sam", "Ortiz", "sam@acme.example", null);
        write(w, List.of(), interviewee("Sam Ortiz"));
        assertEquals(2, count("SELECT count(*) FROM people WHERE account_id = $1 AND name_hash = 'sam ortiz'",
                w.project().accountId()));
        assertEquals(0, count("SELECT count(*) FROM interview_people WHERE interview_id = $1 AND person_id = $2",
                w.interviewId(), withEmail));
    }

    @Test
    void a_soft_deleted_person_is_never_matched_or_changed() {
        Written w = interview();
        UUID deleted = person(w.project().accountId(), "Jo", "Park", null, null);
        db.execute("UPDATE people SET deleted_at = now() - interval '1 day' WHERE id = $1", Tuple.of(deleted));
        String before = db.execute("SELECT p::text AS row FROM people p WHERE id = $1", Tuple.of(deleted))
                .iterator().next().getString("row");
        write(w, List.of(said("Jo Park", "We lose a day a week to it.")), interviewee("Jo Park"));
        assertEquals(0, count("SELECT count(*) FROM interview_people WHERE person_id = $1", deleted));
        assertEquals(0, count("SELECT count(*) FROM evidence_people WHERE person_id = $1", deleted));
        assertEquals(before, db.execute("SELECT p::text AS row FROM people p WHERE id = $1", Tuple.of(deleted))
                .iterator().next().getString("row"));
    }

    @Test
    void each_evidence_carries_its_kind_as_a_facet_of_the_accounts_catalog() {
        Written w = interview();
        UUID account = w.project().accountId();
        int existing = db.execute("""
                INSERT INTO facet_account (account_id, kind_id, slug, label, synonyms)
                SELECT $1, id, 'slow_onboarding', 'Slow onboarding', '{}' FROM facet_kind_global WHERE slug = 'pain'
                RETURNING id""", Tuple.of(account)).iterator().next().getInteger("id");
        String existingRow = db.execute("SELECT f::text AS row FROM facet_account f WHERE id = $1", Tuple.of(existing))
                .iterator().next().getString("row");
        long facetsBefore = count("SELECT count(*) FROM facet_account WHERE account_id = $1", account);
        List<EvidenceDraft> found = List.of(
                new EvidenceDraft(EvidenceKind.PAIN, "New analysts take two weeks to get going.", "Dana Whitfield",
                        1.0, 2.0, new EvidenceDetail(null, null, null, null, null, false,
                                List.of(new FacetMention("pain", "slow   ONBOARDING", null)))),
                new EvidenceDraft(EvidenceKind.WORKAROUND, "We keep a shared spreadsheet of every client.",
                        "Dana Whitfield", 3.0, 4.0));
        write(w, found, interviewee("Dana Whitfield"));
        write(w, found, interviewee("Dana Whitfield"));

        assertEquals(List.of("behavior", "pain"), db.execute("""
                SELECT ef.kind_slug FROM evidence_facet ef JOIN evidence e ON e.id = ef.evidence_id
                WHERE e.interview_id = $1 ORDER BY ef.kind_slug""", Tuple.of(w.interviewId()))
                .stream().map(r -> r.getString("kind_slug")).toList());
        assertEquals(1, count("""
                SELECT count(*) FROM evidence_facet ef JOIN evidence e ON e.id = ef.evidence_id
                WHERE e.interview_id = $1 AND ef.facet_account_id = $2 AND ef.label = 'slow ONBOARDING'""",
                w.interviewId(), existing), "the account's facet of that label is used");
        assertEquals(existingRow, db.execute("SELECT f::text AS row FROM facet_account f WHERE id = $1", Tuple.of(existing))
                .iterator().next().getString("row"), "and left as it was");
        assertEquals(facetsBefore + 1, count("SELECT count(*) FROM facet_account WHERE account_id = $1", account),
                "one new facet for the workaround, and no more on a second run");
        assertEquals(1, count("""
                SELECT count(*) FROM facet_account f JOIN intake.interview_outputs o
                  ON o.table_name = 'facet_account' AND o.row_id = f.id::text AND o.interview_id = $2
                WHERE f.account_id = $1 AND NOT f.is_active AND f.global_facet_id IS NULL
                  AND f.label = 'We keep a shared spreadsheet of every client'""", account, w.interviewId()),
                "created inactive as Insights creates them, and recorded as this interview's");
        assertEquals(List.of(EvidenceKind.PAIN, EvidenceKind.WORKAROUND),
                evidence.list(w.interviewId()).stream().map(e -> e.kind()).toList());
        assertEquals(0, count("SELECT count(*) FROM evidence WHERE interview_id = $1 AND topic IN ('pain', 'workaround')",
                w.interviewId()), "topic is no longer where the kind goes");
    }

    @Test
    void evidence_carries_the_fields_insights_extraction_fills() {
        Written w = interview();
        write(w, List.of(new EvidenceDraft(EvidenceKind.PAIN, "It takes three days.", "Dana Whitfield", 1.0, 2.0,
                new EvidenceDetail("Closing the books is slow. It takes three days.", null, "Closing the books",
                        "Delays the monthly report", "high", false, List.of()))), interviewee("Dana Whitfield"));
        Row row = db.execute("""
                SELECT chunk, gist, topic, context_summary, confidence, weight_quality, weight_relevance, support,
                       independence_key, is_question, method, modality, source_type
                FROM evidence WHERE interview_id = $1""", Tuple.of(w.interviewId())).iterator().next();
        assertEquals("Closing the books is slow. It takes three days.", row.getString("chunk"));
        assertEquals("It takes three days.", row.getString("gist"));
        assertEquals("Closing the books", row.getString("topic"));
        assertEquals("Delays the monthly report", row.getString("context_summary"));
        assertEquals("high", row.getString("confidence"));
        assertEquals(0.95, row.getNumeric("weight_quality").doubleValue(), 1e-9);
        assertEquals(0.9, row.getNumeric("weight_relevance").doubleValue(), 1e-9);
        assertEquals("supports", row.getString("support"));
        assertTrue(row.getString("independence_key").matches("[0-9a-f]{8}"), row.getString("independence_key"));
        assertFalse(row.getBoolean("is_question"));
    }

    @Test
    void near_duplicate_evidence_of_one_kind_shares_an_independence_key_and_another_kind_does_not() {
        Written w = interview();
        write(w, List.of(said("Dana Whitfield", "It takes  three days."), said("Dana Whitfield", "it takes three DAYS."),
                new EvidenceDraft(EvidenceKind.GOAL, "It takes three days.", "Dana Whitfield", 1.0, 2.0)),
                interviewee("Dana Whitfield"));
        List<String> keys = db.execute("""
                SELECT e.independence_key FROM intake.interview_outputs o JOIN evidence e ON e.id = o.row_id::uuid
                WHERE o.interview_id = $1 AND o.table_name = 'evidence' ORDER BY o.position""", Tuple.of(w.interviewId()))
                .stream().map(r -> r.getString("independence_key")).toList();
        assertEquals(keys.get(0), keys.get(1));
        assertNotEquals(keys.get(0), keys.get(2));
    }

    private String facetPerson(UUID interviewId, String quote) {
        Row row = db.execute("""
                SELECT p.name FROM evidence e JOIN evidence_facet ef ON ef.evidence_id = e.id
                LEFT JOIN people p ON p.id = ef.person_id WHERE e.interview_id = $1 AND e.verbatim = $2""",
                Tuple.of(interviewId, quote)).iterator().next();
        return row.getString("name");
    }

    @Test
    void should_set_person_id_from_the_speakers_person_when_the_person_is_known() {
        Written w = interview();
        write(w, List.of(said("Dana Whitfield", "It takes three days.")), interviewee("Dana Whitfield"));
        assertEquals("Dana Whitfield", facetPerson(w.interviewId(), "It takes three days."));
    }

    @Test
    void should_set_person_id_to_null_when_the_person_is_unknown() {
        Written w = interview();
        write(w, List.of(said("Speaker A", "It takes three days.")), interviewer("Interviewer"));
        assertNull(facetPerson(w.interviewId(), "It takes three days."));
    }

    @Test
    void should_fall_back_to_the_primary_person_for_an_unknown_speaker() {
        Written w = interview();
        write(w, List.of(said("Someone Else", "It takes three days.")), interviewee("Dana Whitfield"));
        assertEquals("Dana Whitfield", facetPerson(w.interviewId(), "It takes three days."));
    }

    /**
     * Insights' case simulates its mapping without a primary person and expects NULL for the unknown
     * speaker; its pipeline itself falls back to the primary participant, and so does Intake.
     */
    @Test
    void every_facet_row_has_its_person_when_written() {
        Written w = interview();
        UUID user = member(w.project().accountId());
        person(w.project().accountId(), "Priya", "Raman", null, user);
        write(w, List.of(said("Dana Whitfield", "Quote one is long enough."), said("Priya Raman", "Quote two is long enough."),
                said("unknown", "Quote three is long enough.")), interviewee("Dana Whitfield"), interviewer("Priya Raman"));
        assertEquals("Dana Whitfield", facetPerson(w.interviewId(), "Quote one is long enough."));
        assertEquals("Priya Raman", facetPerson(w.interviewId(), "Quote two is long enough."));
        assertEquals("Dana Whitfield", facetPerson(w.interviewId(), "Quote three is long enough."));
        assertEquals(List.of("interviewer", "participant", "participant"), db.execute("""
                SELECT ep.role FROM evidence e JOIN evidence_people ep ON ep.evidence_id = e.id
                WHERE e.interview_id = $1 ORDER BY ep.role""", Tuple.of(w.interviewId()))
                .stream().map(r -> r.getString("role")).toList(), "evidence_people carries the speaker's part, as Insights'");
        assertNotNull(facetPerson(w.interviewId(), "Quote three is long enough."));
    }
}
