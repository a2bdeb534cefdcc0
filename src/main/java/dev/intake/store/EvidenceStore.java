package dev.intake.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceDraft;
import dev.intake.interview.EvidenceFindings;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.FacetMention;
import dev.intake.interview.IndependenceKey;
import dev.intake.interview.Person;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Evidence and people, in Insights' tables as its v2 pipeline writes them: evidence with its quote,
 * the speaker's fuller thought ({@code chunk}), headline, scene topic, why it matters, confidence and
 * weights, independence key, and {@code anchors} in milliseconds on the media; its kind and other
 * signals as {@code evidence_facet} rows of the account's facet catalog ({@link EvidenceFacets}); the
 * speaker through {@code evidence_people}; the speakers as people ({@link InterviewPeople}). A re-run
 * replaces the rows Intake wrote for the interview ({@link Outputs}), never anyone else's.
 */
@ApplicationScoped
public class EvidenceStore {

    /** Would go with their evidence (ON DELETE CASCADE); deleted first so their records go too. */
    @Sql
    static final String DELETE_FACETS = Outputs.deleteWritten("evidence_facet", "uuid");
    @Sql
    static final String DELETE_SPEAKER_LINKS = Outputs.deleteWritten("evidence_people", "uuid");
    @Sql
    static final String DELETE_EVIDENCE = Outputs.deleteWritten("evidence", "uuid");
    @Sql
    static final String INSERT_EVIDENCE = Outputs.recorded("evidence", "$4", "$16", """
            INSERT INTO evidence (id, account_id, project_id, interview_id, verbatim, gist, chunk, topic,
                                  context_summary, confidence, weight_quality, weight_relevance, independence_key,
                                  is_question, anchors, support, method, source_type, modality)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb,
                    'supports', 'interview', 'primary', 'qual')
            RETURNING id""");
    @Sql
    static final String INSERT_FACET = Outputs.recorded("evidence_facet", "$9", "0", """
            INSERT INTO evidence_facet (evidence_id, account_id, project_id, person_id, kind_slug, facet_account_id,
                                        label, source, confidence, quote)
            VALUES ($1, $2, $3, $4, $5, $6, $7, 'interview', 0.8, $8)
            RETURNING id""");
    @Sql
    static final String LINK_SPEAKER = Outputs.recorded("evidence_people", "$6", "0", """
            INSERT INTO evidence_people (evidence_id, person_id, account_id, project_id, role)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (evidence_id, person_id, account_id) DO NOTHING
            RETURNING id""");
    @Sql
    static final String LIST_EVIDENCE = """
            SELECT e.id, e.verbatim,
                   ARRAY(SELECT ef.kind_slug FROM evidence_facet ef WHERE ef.evidence_id = e.id) AS kinds,
                   (e.anchors->0->>'start_ms')::float8 / 1000 AS start_sec,
                   (e.anchors->0->>'end_ms')::float8 / 1000 AS end_sec,
                   (SELECT p.name FROM evidence_people ep JOIN people p ON p.id = ep.person_id
                    WHERE ep.evidence_id = e.id AND p.deleted_at IS NULL ORDER BY ep.role = 'interviewer', p.name LIMIT 1) AS speaker
            FROM intake.interview_outputs o JOIN evidence e ON e.id = o.row_id::uuid
            WHERE o.interview_id = $1 AND o.table_name = 'evidence' AND e.deleted_at IS NULL AND NOT e.is_archived
            ORDER BY o.position, e.id""";
    @Sql
    static final String COUNT_EVIDENCE = """
            SELECT count(*) AS n FROM intake.interview_outputs
            WHERE interview_id = $1 AND table_name = 'evidence'""";

    @Sql
    static final String DELETE_LINKS = Outputs.deleteWritten("interview_people", "bigint");
    /** Everyone linked to the interview, by whoever linked them: what the analysis steps build on. */
    @Sql
    static final String LIST_PEOPLE = """
            SELECT p.id, p.name, p.description, ip.role
            FROM interview_people ip JOIN people p ON p.id = ip.person_id
            WHERE ip.interview_id = $1 AND p.name IS NOT NULL AND p.deleted_at IS NULL
            ORDER BY CASE WHEN ip.role IS NULL OR ip.role = 'participant' THEN 0 WHEN ip.role = 'interviewer' THEN 1
                          ELSE 2 END, p.name""";
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

    /** Insights' weights (quality, relevance) for each confidence. */
    private static final Map<String, double[]> WEIGHTS = Map.of(
            "high", new double[] {0.95, 0.9}, "medium", new double[] {0.8, 0.8}, "low", new double[] {0.6, 0.6});
    private static final int FACET_LABEL_WORDS = 12;

    private final Db db;
    private final FencedWrites writes;
    private final Reads reads;

    EvidenceStore(Db db, FencedWrites writes, Reads reads) {
        this.reads = reads;
        this.db = db;
        this.writes = writes;
    }

    /** Replaces the evidence and people links this pipeline wrote for the interview, in one transaction. */
    public void replace(Lease lease, UUID accountId, UUID projectId, String mediaKey, EvidenceFindings findings) {
        UUID interviewId = lease.interviewId();
        writes.write(lease, tx -> {
            tx.send(DELETE_FACETS, Tuple.of(interviewId));
            tx.send(DELETE_SPEAKER_LINKS, Tuple.of(interviewId));
            tx.send(DELETE_EVIDENCE, Tuple.of(interviewId));
            tx.send(DELETE_LINKS, Tuple.of(interviewId));
            InterviewPeople interviewPeople = new InterviewPeople(tx, accountId, projectId, interviewId);
            InterviewPeople.Speakers speakers = interviewPeople.link(findings.people());
            EvidenceFacets catalog = new EvidenceFacets(tx, accountId, interviewId);
            catalog.createMissing(findings.evidence().stream().flatMap(e -> mentions(e,
                    e.detail().gist() != null ? e.detail().gist() : Gist.of(e.verbatim())).stream()).toList());
            List<Tuple> evidence = new ArrayList<>();
            List<Tuple> facets = new ArrayList<>();
            List<Tuple> links = new ArrayList<>();
            for (EvidenceDraft e : findings.evidence()) {
                UUID evidenceId = UUID.randomUUID();
                // As Insights attributes it: the speaker's person, else the interview's main interviewee.
                Optional<InterviewPeople.Linked> speaker = Optional.ofNullable(e.speaker())
                        .map(s -> speakers.byLabel().get(InterviewPeople.key(s))).or(speakers::primary);
                UUID personId = speaker.map(InterviewPeople.Linked::personId).orElse(null);
                String gist = e.detail().gist() != null ? e.detail().gist() : Gist.of(e.verbatim());
                Set<Integer> seen = new HashSet<>();
                List<String> kinds = new ArrayList<>();
                for (FacetMention mention : mentions(e, gist)) {
                    Optional<EvidenceFacets.Facet> facet = catalog.resolve(mention.kindSlug(), mention.value());
                    if (facet.isEmpty() || !seen.add(facet.get().accountFacetId())) {
                        continue;
                    }
                    kinds.add(facet.get().kindSlug());
                    facets.add(Tuple.from(Arrays.asList(evidenceId, accountId, projectId, personId,
                            facet.get().kindSlug(), facet.get().accountFacetId(),
                            EvidenceFacets.sanitizeLabel(mention.value()), mention.quote(), interviewId)));
                }
                String confidence = e.detail().confidence() != null ? e.detail().confidence() : "medium";
                double[] weights = WEIGHTS.get(confidence);
                evidence.add(Tuple.from(Arrays.asList(evidenceId, accountId, projectId, interviewId, e.verbatim(),
                        gist, e.detail().chunk() != null ? e.detail().chunk() : e.verbatim(), e.detail().topic(),
                        e.detail().whyItMatters(), confidence, weights[0], weights[1],
                        IndependenceKey.of(gist, kinds), e.detail().isQuestion(), anchors(e, mediaKey),
                        evidence.size())));
                speaker.ifPresent(s -> links.add(Tuple.of(evidenceId, s.personId(), accountId, projectId, s.role(),
                        interviewId)));
            }
            tx.sendBatch(INSERT_EVIDENCE, evidence);
            tx.sendBatch(INSERT_FACET, facets);
            tx.sendBatch(LINK_SPEAKER, links);
            interviewPeople.removeUnused();
        });
    }

    /**
     * The evidence's facets, its kind's first: Intake reads the kind back from it. An analyzer that
     * named no facet of the kind gets one labelled with the headline's first words.
     */
    private static List<FacetMention> mentions(EvidenceDraft e, String gist) {
        String kind = e.kind().facetKind();
        List<FacetMention> mentions = new ArrayList<>();
        e.detail().facets().stream().filter(m -> m.kindSlug().equals(kind)).findFirst().ifPresentOrElse(mentions::add,
                () -> mentions.add(new FacetMention(kind, facetLabel(gist), null)));
        e.detail().facets().stream().filter(m -> m != mentions.get(0)).forEach(mentions::add);
        return mentions;
    }

    private static String facetLabel(String gist) {
        String[] words = gist.strip().split("\\s+");
        String label = String.join(" ", Arrays.asList(words).subList(0, Math.min(words.length, FACET_LABEL_WORDS)));
        return label.replaceAll("[\\p{Punct}…]+$", "");
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

    /** The evidence Intake wrote for the interview, in the order it was found. */
    public List<Evidence> list(UUID interviewId) {
        return reads.one(listing(interviewId));
    }

    /** {@link #list}, to read together with other inputs of a step. */
    public Read<List<Evidence>> listing(UUID interviewId) {
        return new Read<>(new Db.Statement(LIST_EVIDENCE, Tuple.of(interviewId)), rows -> {
            List<Evidence> evidence = new ArrayList<>();
            for (Row row : rows) {
                evidence.add(new Evidence(row.getUUID("id"),
                        EvidenceKind.fromFacetKinds(Arrays.asList(row.getArrayOfStrings("kinds"))),
                        row.getString("verbatim"), row.getString("speaker"),
                        row.getDouble("start_sec"), row.getDouble("end_sec")));
            }
            return evidence;
        });
    }

    public int count(UUID interviewId) {
        return reads.one(counting(interviewId));
    }

    /** {@link #count}, to read together with other inputs of a step. */
    public Read<Integer> counting(UUID interviewId) {
        return new Read<>(new Db.Statement(COUNT_EVIDENCE, Tuple.of(interviewId)),
                rows -> rows.iterator().next().getLong("n").intValue());
    }

    public List<Person> people(UUID interviewId) {
        return reads.one(peopleOf(interviewId));
    }

    /** {@link #people}, to read together with other inputs of a step. */
    public Read<List<Person>> peopleOf(UUID interviewId) {
        return new Read<>(new Db.Statement(LIST_PEOPLE, Tuple.of(interviewId)), rows -> {
            List<Person> people = new ArrayList<>();
            for (Row row : rows) {
                people.add(new Person(row.getUUID("id"), row.getString("name"),
                        InsightsRoles.personRole(row.getString("role")), row.getString("description")));
            }
            return people;
        });
    }

    /** Sets the descriptions of the people this interview created, fenced by the enrich-person step's lease. */
    public void describe(Lease lease, Map<UUID, String> descriptions) {
        List<Tuple> updates = descriptions.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(d -> Tuple.of(d.getKey(), d.getValue(), lease.interviewId()))
                .toList();
        writes.write(lease, tx -> {
            tx.sendBatch(DESCRIBE_PERSON, updates);
        });
    }
}
