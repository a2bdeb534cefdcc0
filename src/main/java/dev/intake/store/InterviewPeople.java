package dev.intake.store;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.intake.interview.PeopleResolution;
import dev.intake.interview.PeopleResolution.Name;
import dev.intake.interview.PersonDraft;
import dev.intake.interview.PersonRole;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The speakers of one interview as people, as Insights' v2 pipeline resolves them
 * ({@code extractEvidenceCore.ts}, {@code peopleResolution.ts}, {@code internalPeople.server.ts}):
 * <ul>
 * <li>Only speakers are people. Someone merely talked about is no participant and Insights makes no
 *     person of them; neither does Intake.</li>
 * <li>An interviewee is found by Insights' identity of a person (account, name, no organisation, no
 *     e-mail: the key of its unique index), else created; a generic label ("Speaker B") is "Unknown
 *     Participant", as Insights names whom it cannot name. Linked as {@code participant}.</li>
 * <li>An interviewer is the team's: the account member's person whose name is the label; for a
 *     generic label ("Interviewer") the person of the user who ran or created the interview, and no one
 *     when there is none (a label is never a person); else the person of that name, created as
 *     {@code internal} and tied to the interview's user when that user has no person yet and this is
 *     the only interviewer. Linked as {@code interviewer}.</li>
 * <li>A soft-deleted person ({@code deleted_at}) is never matched. Where one still holds the name's
 *     identity no person can be created in its place, and the speaker stays unlinked.</li>
 * </ul>
 * People someone else created are linked as they are, never changed.
 */
final class InterviewPeople {

    // Every look-up of a person to link keys-share-locks it until the step commits, so another
    // interview's re-run cannot remove it (DELETE_UNUSED_PEOPLE) between the look-up and the link.

    /** Insights' identity of a person it has only a name for: the key of uniq_people_account_name_org_email. */
    @Sql
    static final String FIND_PERSON = """
            SELECT id, name FROM people
            WHERE account_id = $1 AND name_hash = lower($2) AND default_organization_id IS NULL
              AND coalesce(lower(primary_email), '') = '' AND deleted_at IS NULL
            FOR KEY SHARE""";
    /** The person of an account member (an internal person) of that name. */
    @Sql
    static final String FIND_MEMBER = """
            SELECT p.id, p.name FROM people p
            WHERE p.account_id = $1 AND p.name_hash = lower($2) AND p.user_id IS NOT NULL AND p.deleted_at IS NULL
              AND EXISTS (SELECT 1 FROM accounts.account_user au WHERE au.account_id = p.account_id AND au.user_id = p.user_id)
            ORDER BY p.created_at, p.id LIMIT 1
            FOR KEY SHARE OF p""";
    /** The person of the member who ran the interview (Insights' deprecated interviewer_id) or created it. */
    @Sql
    static final String FIND_INTERVIEW_USER = """
            SELECT p.id, p.name FROM interviews i
            JOIN accounts.account_user au ON au.account_id = i.account_id
                                         AND au.user_id = coalesce(i.interviewer_id, i.created_by)
            JOIN people p ON p.account_id = i.account_id AND p.user_id = au.user_id
            WHERE i.id = $1 AND p.deleted_at IS NULL
            LIMIT 1
            FOR KEY SHARE OF p""";
    /** A new person; $6 ties an interviewer to the interview's member when that member has no person yet. */
    @Sql
    static final String INSERT_PERSON = Outputs.recorded("people", "$7", "0", """
            INSERT INTO people (account_id, project_id, firstname, lastname, person_type, user_id)
            SELECT $1, $2, $3, $4, $5,
                   CASE WHEN $6 THEN (
                       SELECT au.user_id FROM interviews i
                       JOIN accounts.account_user au ON au.account_id = i.account_id
                                                    AND au.user_id = coalesce(i.interviewer_id, i.created_by)
                       WHERE i.id = $7
                         AND NOT EXISTS (SELECT 1 FROM people q WHERE q.account_id = $1 AND q.user_id = au.user_id))
                   END
            ON CONFLICT DO NOTHING
            RETURNING id""");
    @Sql
    static final String INSERT_LINK = Outputs.recorded("interview_people", "$1", "$7", """
            INSERT INTO interview_people (interview_id, person_id, project_id, role, transcript_key, display_name)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (interview_id, person_id) DO NOTHING
            RETURNING id""");

    /**
     * Removes the people this interview's runs created that nothing references any more: no row of
     * any table with a foreign key to people (interview_people, evidence_people, people_personas,
     * answers' respondents, ...; the catalogue names them, so a table Insights adds later counts too).
     * A person Insights or a user created has no record here and is never touched, nor is one someone
     * soft-deleted. Run after the interview's new links are written, so a person the re-run finds
     * again keeps its id.
     */
    @Sql
    static final String DELETE_UNUSED_PEOPLE = """
            WITH gone AS (
                DELETE FROM people p USING intake.interview_outputs o
                WHERE o.interview_id = $1 AND o.table_name = 'people' AND p.id = o.row_id::uuid AND p.deleted_at IS NULL
                  AND NOT EXISTS (
                      SELECT 1 FROM pg_constraint fk
                      JOIN pg_attribute a ON a.attrelid = fk.conrelid AND a.attnum = fk.conkey[1]
                      WHERE fk.contype = 'f' AND fk.confrelid = 'public.people'::regclass
                        AND query_to_xml(format('SELECT 1 AS used FROM %s WHERE %I = %L LIMIT 1',
                                                fk.conrelid::regclass, a.attname, p.id), false, true, '')::text <> '')
                RETURNING p.id)
            DELETE FROM intake.interview_outputs o USING gone WHERE o.table_name = 'people' AND o.row_id = gone.id::text""";

    /** A speaker as linked: the person and their {@code interview_people.role}. */
    record Linked(UUID personId, String role) {
    }

    /** Who each speaker label is, and the interview's main interviewee (Insights' primary person). */
    record Speakers(Map<String, Linked> byLabel, Optional<Linked> primary) {
    }

    private record Found(UUID id, String name) {
    }

    private final Db.Tx tx;
    private final UUID accountId;
    private final UUID projectId;
    private final UUID interviewId;

    InterviewPeople(Db.Tx tx, UUID accountId, UUID projectId, UUID interviewId) {
        this.tx = tx;
        this.accountId = accountId;
        this.projectId = projectId;
        this.interviewId = interviewId;
    }

    Speakers link(List<PersonDraft> people) {
        List<PersonDraft> speakers = people.stream().filter(p -> p.role() != PersonRole.MENTIONED).toList();
        long interviewers = speakers.stream().filter(p -> p.role() == PersonRole.INTERVIEWER).count();
        Map<String, Linked> byLabel = new HashMap<>();
        int position = 0;
        // In name order, so two interviews of one account naming the same people lock those rows in the
        // same order and cannot deadlock.
        for (PersonDraft speaker : speakers.stream()
                .sorted(Comparator.comparing((PersonDraft p) -> p.name().toLowerCase())).toList()) {
            boolean interviewer = speaker.role() == PersonRole.INTERVIEWER;
            Optional<Found> person = interviewer ? interviewer(speaker.name(), interviewers == 1)
                    : interviewee(speaker.name());
            if (person.isEmpty()) {
                continue;
            }
            String role = InsightsRoles.interviewRole(speaker.role());
            boolean generic = PeopleResolution.isGenericPersonLabel(speaker.name());
            tx.send(INSERT_LINK, Tuple.from(Arrays.asList(interviewId, person.get().id(), projectId, role,
                    speaker.name(), generic ? person.get().name() : speaker.name(), position++)));
            byLabel.put(key(speaker.name()), new Linked(person.get().id(), role));
        }
        Optional<Linked> primary = speakers.stream().filter(p -> p.role() == PersonRole.INTERVIEWEE)
                .map(p -> byLabel.get(key(p.name()))).filter(java.util.Objects::nonNull).findFirst();
        return new Speakers(byLabel, primary);
    }

    /** After {@link #link} and the interview's other people links: see {@link #DELETE_UNUSED_PEOPLE}. */
    void removeUnused() {
        tx.send(DELETE_UNUSED_PEOPLE, Tuple.of(interviewId));
    }

    static String key(String label) {
        return PersonName.normalize(label).toLowerCase();
    }

    private Optional<Found> interviewee(String label) {
        String name = PeopleResolution.resolveName(new PeopleResolution.Participant(label, null, null),
                PeopleResolution.Metadata.none()).name();
        return findOrCreate(PeopleResolution.personName(name), null, false);
    }

    private Optional<Found> interviewer(String label, boolean onlyInterviewer) {
        if (PeopleResolution.isGenericPersonLabel(label)) {
            return first(tx.execute(FIND_INTERVIEW_USER, Tuple.of(interviewId)));
        }
        Name name = PeopleResolution.personName(label);
        Optional<Found> member = first(tx.execute(FIND_MEMBER, Tuple.of(accountId, name.full())));
        return member.isPresent() ? member : findOrCreate(name, InsightsRoles.personType(PersonRole.INTERVIEWER),
                onlyInterviewer);
    }

    private Optional<Found> findOrCreate(Name name, String personType, boolean tieToInterviewUser) {
        Optional<Found> found = first(tx.execute(FIND_PERSON, Tuple.of(accountId, name.full())));
        if (found.isPresent()) {
            return found;
        }
        RowSet<Row> created = tx.execute(INSERT_PERSON, Tuple.from(Arrays.asList(accountId, projectId, name.first(),
                name.last(), personType, tieToInterviewUser, interviewId)));
        if (created.rowCount() > 0) {
            return Optional.of(new Found(UUID.fromString(created.iterator().next().getString("row_id")), name.full()));
        }
        // Another interview created the same person between the look-up and the insert; or a
        // soft-deleted person holds the name, and then this finds no one.
        return first(tx.execute(FIND_PERSON, Tuple.of(accountId, name.full())));
    }

    private static Optional<Found> first(RowSet<Row> rows) {
        if (rows.rowCount() == 0) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        return Optional.of(new Found(row.getUUID("id"), row.getString("name")));
    }

}
