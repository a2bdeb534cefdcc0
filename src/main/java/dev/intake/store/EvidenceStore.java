package dev.intake.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.intake.providers.analysis.Evidence;
import dev.intake.providers.analysis.EvidenceDraft;
import dev.intake.providers.analysis.EvidenceFindings;
import dev.intake.providers.analysis.EvidenceKind;
import dev.intake.providers.analysis.Person;
import dev.intake.providers.analysis.PersonDraft;
import dev.intake.providers.analysis.PersonRole;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Evidence and people: what the evidence and enrich-person steps write. */
@ApplicationScoped
public class EvidenceStore {

    @Sql
    static final String DELETE_EVIDENCE = "DELETE FROM evidence WHERE interview_id = $1";
    @Sql
    static final String INSERT_EVIDENCE = """
            INSERT INTO evidence (id, interview_id, project_id, kind, verbatim, speaker, start_sec, end_sec, position)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";
    @Sql
    static final String LIST_EVIDENCE = """
            SELECT id, kind, verbatim, speaker, start_sec::float8 AS start_sec, end_sec::float8 AS end_sec
            FROM evidence WHERE interview_id = $1 ORDER BY position, id""";
    @Sql
    static final String COUNT_EVIDENCE = "SELECT count(*) AS n FROM evidence WHERE interview_id = $1";

    @Sql
    static final String DELETE_LINKS = "DELETE FROM interview_people WHERE interview_id = $1";
    /** One person per name in a project: a name seen before is the same person. */
    @Sql
    static final String UPSERT_PERSON = """
            INSERT INTO people (id, account_id, project_id, name)
            VALUES ($1, $2, $3, $4)
            ON CONFLICT (project_id, lower(name)) DO UPDATE SET updated_at = now()
            RETURNING id""";
    @Sql
    static final String INSERT_LINK = """
            INSERT INTO interview_people (interview_id, person_id, role) VALUES ($1, $2, $3)
            ON CONFLICT (interview_id, person_id) DO NOTHING""";
    @Sql
    static final String LIST_PEOPLE = """
            SELECT p.id, p.name, p.description, ip.role
            FROM interview_people ip JOIN people p ON p.id = ip.person_id
            WHERE ip.interview_id = $1
            ORDER BY CASE ip.role WHEN 'interviewee' THEN 0 WHEN 'interviewer' THEN 1 ELSE 2 END, p.name""";
    @Sql
    static final String DESCRIBE_PERSON = "UPDATE people SET description = $2, updated_at = now() WHERE id = $1";

    private final Db db;

    EvidenceStore(Db db) {
        this.db = db;
    }

    /** Replaces the interview's evidence and its links to people in one transaction. */
    public void replace(Lease lease, UUID accountId, UUID projectId, EvidenceFindings findings) {
        UUID interviewId = lease.interviewId();
        List<Tuple> evidence = new ArrayList<>();
        int position = 0;
        for (EvidenceDraft e : findings.evidence()) {
            evidence.add(Tuple.from(Arrays.asList(UUID.randomUUID(), interviewId, projectId, e.kind().key(),
                    e.verbatim(), e.speaker(), e.startSec(), e.endSec(), position++)));
        }
        db.inTransaction(tx -> {
            LeaseFence.hold(tx, lease);
            tx.execute(DELETE_EVIDENCE, Tuple.of(interviewId));
            tx.executeBatch(INSERT_EVIDENCE, evidence);
            tx.execute(DELETE_LINKS, Tuple.of(interviewId));
            // Upserted in name order so two interviews of one project naming the same people lock
            // those rows in the same order and cannot deadlock.
            for (PersonDraft person : peopleByName(findings.people())) {
                UUID personId = tx.execute(UPSERT_PERSON, Tuple.of(UUID.randomUUID(), accountId, projectId, person.name()))
                        .iterator().next().getUUID("id");
                tx.execute(INSERT_LINK, Tuple.of(interviewId, personId, person.role().key()));
            }
            return null;
        });
    }

    private static List<PersonDraft> peopleByName(List<PersonDraft> people) {
        return people.stream()
                .sorted(java.util.Comparator.comparing((PersonDraft p) -> p.name().toLowerCase()))
                .toList();
    }

    public List<Evidence> list(UUID interviewId) {
        List<Evidence> evidence = new ArrayList<>();
        for (Row row : db.execute(LIST_EVIDENCE, Tuple.of(interviewId))) {
            evidence.add(new Evidence(row.getUUID("id"), EvidenceKind.fromKey(row.getString("kind")),
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
            people.add(new Person(row.getUUID("id"), row.getString("name"), PersonRole.fromKey(row.getString("role")),
                    row.getString("description")));
        }
        return people;
    }

    /** Sets the descriptions of people, fenced by the enrich-person step's lease. */
    public void describe(Lease lease, Map<UUID, String> descriptions) {
        List<Tuple> updates = descriptions.entrySet().stream()
                .map(d -> Tuple.of(d.getKey(), d.getValue()))
                .toList();
        db.inTransaction(tx -> {
            LeaseFence.hold(tx, lease);
            tx.executeBatch(DESCRIBE_PERSON, updates);
            return null;
        });
    }
}
