package dev.intake.store;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
    /** An account facet of the kind whose label or synonym, lower-cased with single spaces, is $3. */
    @Sql
    static final String FIND_BY_LABEL = """
            SELECT fa.id FROM facet_account fa
            WHERE fa.account_id = $1 AND fa.kind_id = $2
              AND (regexp_replace(lower(btrim(fa.label)), '\\s+', ' ', 'g') = $3
                   OR EXISTS (SELECT 1 FROM unnest(fa.synonyms) s
                              WHERE regexp_replace(lower(btrim(s)), '\\s+', ' ', 'g') = $3))
            ORDER BY fa.id LIMIT 1""";
    @Sql
    static final String GLOBAL_SYNONYMS = """
            SELECT coalesce(fg.synonyms, '{}') AS synonyms FROM facet_global fg
            WHERE fg.kind_id = $1
              AND (regexp_replace(lower(btrim(fg.label)), '\\s+', ' ', 'g') = $2
                   OR EXISTS (SELECT 1 FROM unnest(fg.synonyms) s
                              WHERE regexp_replace(lower(btrim(s)), '\\s+', ' ', 'g') = $2))
            ORDER BY fg.id LIMIT 1""";
    @Sql
    static final String FIND_BY_SLUG = "SELECT id FROM facet_account WHERE account_id = $1 AND kind_id = $2 AND slug = $3";
    @Sql
    static final String INSERT = Outputs.recorded("facet_account", "$6", "0", """
            INSERT INTO facet_account (account_id, kind_id, slug, label, synonyms, is_active)
            VALUES ($1, $2, $3, $4, $5, false)
            ON CONFLICT (account_id, kind_id, slug) DO NOTHING
            RETURNING id""");

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

    EvidenceFacets(Db.Tx tx, UUID accountId, UUID interviewId) {
        this.tx = tx;
        this.accountId = accountId;
        this.interviewId = interviewId;
        for (Row row : tx.execute(KINDS, Tuple.tuple())) {
            kindIds.put(row.getString("slug"), row.getInteger("id"));
        }
    }

    /** A resolved facet: its kind as Insights knows it, and its {@code facet_account.id}. */
    record Facet(String kindSlug, int accountFacetId) {
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
        RowSet<Row> byLabel = tx.execute(FIND_BY_LABEL, Tuple.of(accountId, kindId, normalized));
        if (byLabel.rowCount() > 0) {
            return Optional.of(byLabel.iterator().next().getInteger("id"));
        }
        String slug = slug(label);
        if (slug.isEmpty()) {
            slug = "facet_" + kindId + "_" + Integer.toHexString(normalized.hashCode());
        }
        Optional<Integer> bySlug = bySlug(kindId, slug);
        if (bySlug.isPresent()) {
            return bySlug;
        }
        RowSet<Row> global = tx.execute(GLOBAL_SYNONYMS, Tuple.of(kindId, normalized));
        String[] synonyms = global.rowCount() == 0 ? new String[0]
                : global.iterator().next().getArrayOfStrings("synonyms");
        RowSet<Row> inserted = tx.execute(INSERT, Tuple.of(accountId, kindId, slug, label, synonyms, interviewId));
        if (inserted.rowCount() > 0) {
            return Optional.of(Integer.valueOf(inserted.iterator().next().getString("row_id")));
        }
        // Another interview created it between the look-up and the insert.
        return bySlug(kindId, slug);
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
