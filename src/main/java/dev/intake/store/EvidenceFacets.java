package dev.intake.store;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.intake.interview.FacetMention;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A facet kind and label resolved to the account's facet catalog as Insights' pipeline resolves them
 * ({@code facetProcessing.ts}, {@code FacetResolver.ensureFacet}): the kind canonicalised to one of
 * {@code facet_kind_global}; an account facet whose label or a synonym reads the same; else the account
 * facet of the label's slug; else a new, inactive account facet, carrying the synonyms of a global facet
 * of that label, recorded as this interview's. A facet another interview or a person made is used as it
 * is, never changed; one Intake made stays when the interview runs again, since other evidence may
 * name it. One instance resolves one transaction's facets.
 */
final class EvidenceFacets {

    @Sql
    static final String KINDS = "SELECT id, slug FROM facet_kind_global";
    /**
     * The account's facets, each label and synonym lower-cased with single spaces: read once per
     * transaction, so resolving a long interview's facets is a look-up each, not a scan of the catalog
     * each (which grew by the facets it had just made: quadratic in the interview's length).
     */
    @Sql
    static final String CATALOG = """
            SELECT fa.id, fa.kind_id, fa.slug,
                   regexp_replace(lower(btrim(fa.label)), '\\s+', ' ', 'g') AS label,
                   ARRAY(SELECT regexp_replace(lower(btrim(s)), '\\s+', ' ', 'g') FROM unnest(fa.synonyms) s) AS synonyms
            FROM facet_account fa
            WHERE fa.account_id = $1""";
    /** The global facets with their synonyms, labels and synonyms normalised as {@link #CATALOG}'s. */
    @Sql
    static final String GLOBAL_CATALOG = """
            SELECT fg.id, fg.kind_id, coalesce(fg.synonyms, '{}') AS synonyms,
                   regexp_replace(lower(btrim(fg.label)), '\\s+', ' ', 'g') AS label,
                   ARRAY(SELECT regexp_replace(lower(btrim(s)), '\\s+', ' ', 'g') FROM unnest(fg.synonyms) s) AS normalized
            FROM facet_global fg
            ORDER BY fg.id""";
    @Sql
    static final String FIND_BY_SLUG = "SELECT id FROM facet_account WHERE account_id = $1 AND kind_id = $2 AND slug = $3";
    @Sql
    static final String INSERT = Outputs.recorded("facet_account", "$6", "0", """
            INSERT INTO facet_account (account_id, kind_id, slug, label, synonyms, is_active)
            VALUES ($1, $2, $3, $4, $5, false)
            ON CONFLICT (account_id, kind_id, slug) DO NOTHING
            RETURNING id""");

    /**
     * The new facets of a whole interview in one statement (as {@link #INSERT} makes one), recorded as
     * the interview's; one already made by another interview meanwhile is left out and found by slug.
     * $1..$4 are parallel arrays; $4 holds each facet's synonyms as JSON array text.
     */
    @Sql
    static final String INSERT_ALL = """
            WITH written AS (
                INSERT INTO facet_account (account_id, kind_id, slug, label, synonyms, is_active)
                SELECT $5, f.kind_id, f.slug, f.label, ARRAY(SELECT jsonb_array_elements_text(f.synonyms::jsonb)), false
                FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS f(kind_id, slug, label, synonyms, n)
                ORDER BY f.n
                ON CONFLICT (account_id, kind_id, slug) DO NOTHING
                RETURNING id, kind_id, slug),
            recorded AS (
                INSERT INTO intake.interview_outputs (interview_id, table_name, row_id, position)
                SELECT $6, 'facet_account', written.id::text, 0 FROM written)
            SELECT id, kind_id, slug FROM written""";

    /** The kinds Insights folds into its own when a model names them. */
    private static final Map<String, List<String>> KIND_ALIASES = Map.of(
            "motivation", List.of("goal", "value", "preference"),
            "belief", List.of("value", "context"),
            "attitude", List.of("value", "preference"),
            "habit", List.of("behavior", "workflow"),
            "feature", List.of("requirements", "artifact", "tool"));

    private final Db.Tx tx;
    private final UUID accountId;
    private final UUID interviewId;
    private final Map<String, Integer> kindIds = new HashMap<>();
    private final Map<String, Optional<Integer>> resolved = new HashMap<>();
    /** The catalog's facets by kind and label or synonym ("kind|label"), the first by id, as a look-up by label found it. */
    private final Map<String, Integer> byLabel = new HashMap<>();
    /** The synonyms of the first global facet (by id) of each kind and label or synonym. */
    private final Map<String, String[]> globalSynonyms = new HashMap<>();
    /** ... and by kind and slug ("kind|slug"). */
    private final Map<String, Integer> bySlug = new HashMap<>();

    EvidenceFacets(Db.Tx tx, UUID accountId, UUID interviewId) {
        this.tx = tx;
        this.accountId = accountId;
        this.interviewId = interviewId;
        for (Row row : tx.execute(KINDS, Tuple.tuple())) {
            kindIds.put(row.getString("slug"), row.getInteger("id"));
        }
        for (Row row : tx.execute(CATALOG, Tuple.of(accountId))) {
            int id = row.getInteger("id");
            int kindId = row.getInteger("kind_id");
            byLabel.merge(kindId + "|" + row.getString("label"), id, Math::min);
            for (String synonym : row.getArrayOfStrings("synonyms")) {
                byLabel.merge(kindId + "|" + synonym, id, Math::min);
            }
            bySlug.put(kindId + "|" + row.getString("slug"), id);
        }
        for (Row row : tx.execute(GLOBAL_CATALOG, Tuple.tuple())) {
            String[] synonyms = row.getArrayOfStrings("synonyms");
            int kindId = row.getInteger("kind_id");
            globalSynonyms.putIfAbsent(kindId + "|" + row.getString("label"), synonyms);
            for (String synonym : row.getArrayOfStrings("normalized")) {
                globalSynonyms.putIfAbsent(kindId + "|" + synonym, synonyms);
            }
        }
    }

    /** A resolved facet: its kind as Insights knows it, and its {@code facet_account.id}. */
    record Facet(String kindSlug, int accountFacetId) {
    }

    /** A facet not in the catalog yet, with the synonyms it is made with. */
    private record Missing(int kindId, String slug, String label, String normalized, String[] synonyms) {
    }

    /**
     * Makes the facets among {@code mentions} that the catalog lacks, all in one statement, so that
     * {@link #resolve} then finds every one of them: a long interview's thousands of new facets are not
     * a round trip each. Which facet a mention resolves to is as if each were made at its first mention.
     */
    void createMissing(List<FacetMention> mentions) {
        Map<String, Missing> byLabelOrSynonym = new HashMap<>();
        Map<String, Missing> bySlugKey = new java.util.LinkedHashMap<>();
        for (FacetMention mention : mentions) {
            Optional<String> kind = canonicalKind(mention.kindSlug());
            String clean = sanitizeLabel(mention.value());
            if (kind.isEmpty() || clean == null) {
                continue;
            }
            int kindId = kindIds.get(kind.get());
            String normalized = normalize(clean);
            String slug = slugOf(kindId, clean, normalized);
            if (byLabel.containsKey(kindId + "|" + normalized) || byLabelOrSynonym.containsKey(kindId + "|" + normalized)
                    || bySlug.containsKey(kindId + "|" + slug) || bySlugKey.containsKey(kindId + "|" + slug)) {
                continue;
            }
            String[] synonyms = globalSynonyms.getOrDefault(kindId + "|" + normalized, new String[0]);
            Missing missing = new Missing(kindId, slug, clean, normalized, synonyms);
            bySlugKey.put(kindId + "|" + slug, missing);
            byLabelOrSynonym.putIfAbsent(kindId + "|" + normalized, missing);
            for (String synonym : synonyms) {
                byLabelOrSynonym.putIfAbsent(kindId + "|" + normalize(synonym), missing);
            }
        }
        if (bySlugKey.isEmpty()) {
            return;
        }
        List<Missing> all = List.copyOf(bySlugKey.values());
        RowSet<Row> made = tx.execute(INSERT_ALL, Tuple.from(java.util.Arrays.asList(
                all.stream().map(Missing::kindId).toArray(Integer[]::new),
                all.stream().map(Missing::slug).toArray(String[]::new),
                all.stream().map(Missing::label).toArray(String[]::new),
                all.stream().map(m -> new JsonArray(List.of((Object[]) m.synonyms())).encode()).toArray(String[]::new),
                accountId, interviewId)));
        Map<String, Integer> ids = new HashMap<>();
        made.forEach(row -> ids.put(row.getInteger("kind_id") + "|" + row.getString("slug"), row.getInteger("id")));
        for (Missing m : all) {
            String slugKey = m.kindId() + "|" + m.slug();
            // Not made here: another interview made it since the catalog was read.
            Optional<Integer> id = Optional.ofNullable(ids.get(slugKey)).or(() -> bySlug(m.kindId(), m.slug()));
            if (id.isEmpty()) {
                continue;
            }
            bySlug.putIfAbsent(slugKey, id.get());
            byLabel.putIfAbsent(m.kindId() + "|" + m.normalized(), id.get());
            for (String synonym : m.synonyms()) {
                byLabel.putIfAbsent(m.kindId() + "|" + normalize(synonym), id.get());
            }
        }
    }

    private static String slugOf(int kindId, String label, String normalized) {
        String slug = slug(label);
        return slug.isEmpty() ? "facet_" + kindId + "_" + Integer.toHexString(normalized.hashCode()) : slug;
    }

    /** The account facet for this kind and label; empty when Insights knows no such kind. */
    Optional<Facet> resolve(String kindSlug, String label) {
        Optional<String> kind = canonicalKind(kindSlug);
        String clean = sanitizeLabel(label);
        if (kind.isEmpty() || clean == null) {
            return Optional.empty();
        }
        String key = kind.get() + "|" + clean.toLowerCase(Locale.ROOT);
        Optional<Integer> id = resolved.computeIfAbsent(key, k -> find(kindIds.get(kind.get()), clean));
        return id.map(i -> new Facet(kind.get(), i));
    }

    private Optional<Integer> find(int kindId, String label) {
        String normalized = normalize(label);
        Integer labelled = byLabel.get(kindId + "|" + normalized);
        if (labelled != null) {
            return Optional.of(labelled);
        }
        String slug = slug(label);
        if (slug.isEmpty()) {
            slug = "facet_" + kindId + "_" + Integer.toHexString(normalized.hashCode());
        }
        Integer slugged = bySlug.get(kindId + "|" + slug);
        if (slugged != null) {
            return Optional.of(slugged);
        }
        String[] synonyms = globalSynonyms.getOrDefault(kindId + "|" + normalized, new String[0]);
        RowSet<Row> inserted = tx.execute(INSERT, Tuple.of(accountId, kindId, slug, label, synonyms, interviewId));
        Optional<Integer> made = inserted.rowCount() > 0
                ? Optional.of(Integer.valueOf(inserted.iterator().next().getString("row_id")))
                // Another interview created it since the catalog was read.
                : bySlug(kindId, slug);
        if (made.isPresent()) {
            // Later look-ups of this transaction find it as the catalog's would have.
            byLabel.merge(kindId + "|" + normalized, made.get(), Math::min);
            for (String synonym : synonyms) {
                byLabel.merge(kindId + "|" + normalize(synonym), made.get(), Math::min);
            }
            bySlug.putIfAbsent(kindId + "|" + slug, made.get());
        }
        return made;
    }

    private Optional<Integer> bySlug(int kindId, String slug) {
        RowSet<Row> rows = tx.execute(FIND_BY_SLUG, Tuple.of(accountId, kindId, slug));
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getInteger("id"));
    }

    private Optional<String> canonicalKind(String kindSlug) {
        String normalized = kindSlug.strip().toLowerCase(Locale.ROOT).replaceAll("[-\\s]+", "_");
        if (kindIds.containsKey(normalized)) {
            return Optional.of(normalized);
        }
        return KIND_ALIASES.getOrDefault(normalized, List.of()).stream().filter(kindIds::containsKey).findFirst();
    }

    /** Insights' {@code normalizeFacetValue}: lower case, trimmed, single spaces. */
    static String normalize(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** Insights' {@code sanitizeFacetLabel}: single spaces, at most 240 characters. */
    static String sanitizeLabel(String label) {
        if (label == null) {
            return null;
        }
        String trimmed = label.replaceAll("\\s+", " ").strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        return trimmed.length() > 240 ? trimmed.substring(0, 237).stripTrailing() + "..." : trimmed;
    }

    /** The slug Insights' slugify gives a label with "_" between words: ASCII, lower case. */
    static String slug(String label) {
        String ascii = Normalizer.normalize(label.replace("&", " and "), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        String decamelized = ascii.replaceAll("([a-z\\d])([A-Z])", "$1 $2");
        return decamelized.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }
}
