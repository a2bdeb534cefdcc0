package dev.intake.store;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a step reads before it works, read together: one transaction (one snapshot) and one round trip
 * for all of it, where reading each in turn took a transaction and a round trip apiece.
 */
@ApplicationScoped
public class Reads {

    private final Db db;

    Reads(Db db) {
        this.db = db;
    }

    /** The answers to {@code reads}, by read. */
    public Results together(Read<?>... reads) {
        List<Db.Statement> statements = new ArrayList<>();
        for (Read<?> read : reads) {
            statements.add(read.statement());
        }
        var rows = db.inTransaction(tx -> tx.executeAllAndCommit(statements));
        Map<Read<?>, Object> results = new IdentityHashMap<>();
        for (int i = 0; i < reads.length; i++) {
            results.put(reads[i], reads[i].rows().apply(rows.get(i)));
        }
        return new Results(results);
    }

    /** One read's answer. */
    public <T> T one(Read<T> read) {
        return read.rows().apply(db.execute(read.statement().sql(), read.statement().args()));
    }

    /** The answers of reads made together. */
    public static final class Results {
        private final Map<Read<?>, Object> byRead;

        private Results(Map<Read<?>, Object> byRead) {
            this.byRead = byRead;
        }

        @SuppressWarnings("unchecked")
        public <T> T of(Read<T> read) {
            if (!byRead.containsKey(read)) {
                throw new IllegalArgumentException("not one of the reads made together");
            }
            return (T) byRead.get(read);
        }
    }
}
