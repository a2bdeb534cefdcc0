package dev.intake.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceDraft;
import dev.intake.interview.EvidenceFindings;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.Person;
import dev.intake.interview.PersonDraft;
import dev.intake.interview.PersonRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Evidence and people, in Insights' tables: evidence with its {@code anchors} (milliseconds) and the
 * kind as its {@code topic}; the speaker through {@code evidence_people}; people resolved within the
 * account by name as Insights resolves them, created with first and last name (never the generated
 * {@code name}) only when none exists; their part in the interview in {@code interview_people}.
 * A re-run replaces the rows Intake wrote for the interview ({@link Outputs}), never anyone else's.
 */
@ApplicationScoped
public class EvidenceStore {

    @Sql
    static final String DELETE_EVIDENCE = Outputs.deleteWritten("evidence", "uuid");
    @Sql
    static final String INSERT_EVIDENCE = Outputs.recorded("evidence", "$4", "$9", """
            INSERT INTO evidence (id, account_id, project_id, interview_id, verbatim, gist, topic, anchors,
                                  method, source_type, modality)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, 'interview', 'primary', 'qual')
            RETURNING id""");
    @Sql
    static final String LINK_SPEAKER = """
            INSERT INTO evidence_people (evidence_id, person_id, account_id, project_id, role)
            VALUES ($1, $2, $3, $4, 'speaker')
            ON CONFLICT (evidence_id, person_id, account_id) DO NOTHING""";
    @Sql
    static final String LIST_EVIDENCE = """
            SELECT e.id, e.topic, e.verbatim,
                   (e.anchors->0->>'start_ms')::float8 / 1000 AS start_sec,
                   (e.anchors->0->>'end_ms')::float8 / 1000 AS end_sec,
                   (SELECT p.name FROM evidence_people ep JOIN people p ON p.id = ep.person_id
                    WHERE ep.evidence_id = e.id AND ep.role = 'speaker' AND p.deleted_at IS NULL ORDER BY p.name LIMIT 1) AS speaker
            FROM intake.interview_outputs o JOIN evidence e ON e.id = o.row_id::uuid
            WHERE o.interview_id = $1 AND o.table_name = 'evidence' AND e.deleted_at IS NULL AND NOT e.is_archived
            ORDER BY o.position, e.id""";
    @Sql
    static final String COUNT_EVIDENCE = """
            SELECT count(*) AS n FROM intake.interview_outputs
            WHERE interview_id = $1 AND table_name = 'evidence'""";

    @Sql
    static final String DELETE_LINKS = Outputs.deleteWritten("interview_people", "bigint");
    /**
     * An account's person by name and no organisation (Intake knows none), preferring one of this
     * project: how Insights' people resolution matches a participant it has no email for.
     */
    @Sql
    static final String FIND_PERSON = """
            SELECT id FROM people
            WHERE account_id = $1 AND name_hash = lower($2) AND default_organization_id IS NULL
              AND deleted_at IS NULL
            ORDER BY (project_id IS NOT DISTINCT FROM $3) DESC, created_at, id
            LIMIT 1""";
    @Sql
    static final String INSERT_PERSON = Outputs.recorded("people", "$6", "0", """
            INSERT INTO people (account_id, project_id, firstname, lastname, person_type)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT DO NOTHING
            RETURNING id""");
    @Sql
    static final String INSERT_LINK = Outputs.recorded("interview_people", "$1", "$7", """
            INSERT INTO interview_people (interview_id, person_id, project_id, role, transcript_key, display_name)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (interview_id, person_id) DO NOTHING
            RETURNING id""");
    /** Everyone linked to the interview, by whoever linked them: what the analysis steps build on. */
    @Sql
    static final String LIST_PEOPLE = """
            SELECT p.id, p.name, p.description, ip.role
            FROM interview_people ip JOIN people p ON p.id = ip.person_id
            WHERE ip.interview_id = $1 AND p.name IS NOT NULL AND p.deleted_at IS NULL
            ORDER BY CASE ip.role WHEN 'participant' THEN 0 WHEN 'interviewer' THEN 1 ELSE 2 END, p.name""";
    /**
     * A description says who the person is in the interview that found them, so it goes only on a
     * person this interview ($3) created: a person Insights or a user made is theirs, and one another
     * interview created keeps that interview's words when this one is run again.
     */
    @Sql
    static final String DESCRIBE_PERSON = """
            UPDATE people SET description = $2, updated_at = now()
            WHERE id = $1
              AND EXISTS (SELECT 1 FROM intake.interview_outputs o
                          WHERE o.table_name = 'people' AND o.row_id = $1::text AND o.interview_id = $3)""";

    private final Db db;

    EvidenceStore(Db db) {
        this.db = db;
    }

    /** Replaces the evidence and people links this pipeline wrote for the interview, in one transaction. */
    public void replace(Lease lease, UUID accountId, UUID projectId, String mediaKey, EvidenceFindings findings) {
        UUID interviewId = lease.interviewId();
        db.inTransaction(tx -> {
            LeaseFence.hold(tx, lease);
            tx.execute(DELETE_EVIDENCE, Tuple.of(interviewId));
            tx.execute(DELETE_LINKS, Tuple.of(interviewId));
            // Resolved in name order so two interviews of one account naming the same people lock
            // those rows in the same order and cannot deadlock.
            Map<String, UUID> personIds = new HashMap<>();
            int position = 0;
            for (PersonDraft person : byName(findings.people())) {
                UUID personId = resolvePerson(tx, accountId, projectId, interviewId, person);
                personIds.put(PersonName.normalize(person.name()).toLowerCase(), personId);
                String speakerKey = person.role() == PersonRole.MENTIONED ? null : person.name();
                tx.execute(INSERT_LINK, Tuple.from(Arrays.asList(interviewId, personId, projectId,
                        InsightsRoles.interviewRole(person.role()), speakerKey, person.name(), position++)));
            }
            List<Tuple> evidence = new ArrayList<>();
            List<Tuple> speakers = new ArrayList<>();
            for (EvidenceDraft e : findings.evidence()) {
                UUID evidenceId = UUID.randomUUID();
                evidence.add(Tuple.from(Arrays.asList(evidenceId, accountId, projectId, interviewId, e.verbatim(),
                        Gist.of(e.verbatim()), e.kind().key(), anchors(e, mediaKey), evidence.size())));
                UUID speaker = e.speaker() == null ? null : personIds.get(PersonName.normalize(e.speaker()).toLowerCase());
                if (speaker != null) {
                    speakers.add(Tuple.of(evidenceId, speaker, accountId, projectId));
                }
            }
            tx.executeBatch(INSERT_EVIDENCE, evidence);
            tx.executeBatch(LINK_SPEAKER, speakers);
            return null;
        });
    }

    /** The account's person of that name, or a new one (recorded as Intake's). */
    private static UUID resolvePerson(Db.Tx tx, UUID accountId, UUID projectId, UUID interviewId, PersonDraft person) {
        PersonName name = PersonName.split(person.name());
        Optional<UUID> found = findPerson(tx, accountId, name.full(), projectId);
        if (found.isPresent()) {
            return found.get();
        }
        Optional<UUID> created = Outputs.writtenId(tx.execute(INSERT_PERSON, Tuple.from(Arrays.asList(accountId,
                projectId, name.first(), name.last(), InsightsRoles.personType(person.role()), interviewId))));
        if (created.isPresent()) {
            return created.get();
        }
        // Another interview created the same person between our look-up and insert.
        return findPerson(tx, accountId, name.full(), projectId).orElseThrow(() -> new IllegalStateException(
                "person '" + name.full() + "' neither exists nor could be created in account " + accountId));
    }

    private static Optional<UUID> findPerson(Db.Tx tx, UUID accountId, String fullName, UUID projectId) {
        var rows = tx.execute(FIND_PERSON, Tuple.of(accountId, fullName, projectId));
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id"));
    }

    /** Where the quote is in the media, as Insights' player seeks: milliseconds, and the media's object key. */
    private static JsonArray anchors(EvidenceDraft e, String mediaKey) {
        if (e.startSec() == null) {
            return new JsonArray();
        }
        JsonObject anchor = new JsonObject()
                .put("start_ms", Math.round(e.startSec() * 1000))
                .put("end_ms", Math.round((e.endSec() == null ? e.startSec() : e.endSec()) * 1000));
        if (mediaKey != null) {
            anchor.put("media_key", mediaKey);
        }
        return new JsonArray().add(anchor);
    }

    private static List<PersonDraft> byName(List<PersonDraft> people) {
        return people.stream().sorted(Comparator.comparing((PersonDraft p) -> p.name().toLowerCase())).toList();
    }

    /** The evidence Intake wrote for the interview, in the order it was found. */
    public List<Evidence> list(UUID interviewId) {
        List<Evidence> evidence = new ArrayList<>();
        for (Row row : db.execute(LIST_EVIDENCE, Tuple.of(interviewId))) {
            evidence.add(new Evidence(row.getUUID("id"), EvidenceKind.fromKey(row.getString("topic")),
                    row.getString("verbatim"), row.getString("speaker"),
                    row.getDouble("start_sec"), row.getDouble("end_sec")));
        }
        return evidence;
    }

    public int count(UUID interviewId) {
        return db.execute(COUNT_EVIDENCE, Tuple.of(interviewId)).iterator().next().getLong("n").intValue();
    }

    public List<Person> people(UUID interviewId) {
        List<Person> people = new ArrayList<>();
        for (Row row : db.execute(LIST_PEOPLE, Tuple.of(interviewId))) {
            people.add(new Person(row.getUUID("id"), row.getString("name"),
                    InsightsRoles.personRole(row.getString("role")), row.getString("description")));
        }
        return people;
    }

    /** Sets the descriptions of the people this interview created, fenced by the enrich-person step's lease. */
    public void describe(Lease lease, Map<UUID, String> descriptions) {
        List<Tuple> updates = descriptions.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(d -> Tuple.of(d.getKey(), d.getValue(), lease.interviewId()))
                .toList();
        db.inTransaction(tx -> {
            LeaseFence.hold(tx, lease);
            tx.executeBatch(DESCRIBE_PERSON, updates);
            return null;
        });
    }
}
