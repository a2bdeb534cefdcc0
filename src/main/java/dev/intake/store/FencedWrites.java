package dev.intake.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where the writes of a step's output go. Called by a step the executor runs, they are kept and made
 * in the one transaction that also records how the step ended (done, failed, waiting), after the lease
 * is proven and before that record: one commit per step, and the output is never seen without the step
 * done. Called by anyone else (an operator's tool, a test), each is a transaction of its own, fenced by
 * the lease ({@link LeaseFence}).
 */
@ApplicationScoped
public class FencedWrites {

    /** The writes kept, by the lease owner of the step that made them. */
    private final Map<String, List<Consumer<Db.Tx>>> kept = new ConcurrentHashMap<>();
    private final Db db;

    FencedWrites(Db db) {
        this.db = db;
    }

    /** From now until {@link #take}, the writes fenced by {@code lease} are kept instead of made. */
    public void keep(Lease lease) {
        kept.put(lease.owner(), new ArrayList<>());
    }

    /** The writes kept for {@code lease}, in the order they were made; the lease's writes are made at once again. */
    public Kept take(Lease lease) {
        List<Consumer<Db.Tx>> writes = kept.remove(lease.owner());
        return new Kept(writes == null ? List.of() : List.copyOf(writes));
    }

    void write(Lease lease, Consumer<Db.Tx> work) {
        List<Consumer<Db.Tx>> writes = kept.get(lease.owner());
        if (writes != null) {
            writes.add(work);
            return;
        }
        db.inTransaction(tx -> {
            LeaseFence.send(tx, lease);
            work.accept(tx);
            return null;
        });
    }

    /** A step's writes, made by the transaction that records how the step ended. */
    public record Kept(List<Consumer<Db.Tx>> writes) {

        public static final Kept NONE = new Kept(List.of());

        public boolean isEmpty() {
            return writes.isEmpty();
        }

        void makeIn(Db.Tx tx) {
            writes.forEach(w -> w.accept(tx));
        }
    }
}
