package dev.intake.store;

import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What this process has asked of the database: transactions and flights (a flight is the commands
 * sent together and the wait for their answers, one network round trip). {@code intake throughput}
 * reports them per interview; a test holds a run to its budget with them.
 */
@ApplicationScoped
public class DbTraffic {

    private final LongAdder transactions = new LongAdder();
    private final LongAdder flights = new LongAdder();
    /** The same counts for the calling thread alone, so a test counts its own calls whatever else runs. */
    private final ThreadLocal<long[]> mine = ThreadLocal.withInitial(() -> new long[2]);

    void transaction(int flightsOfIt) {
        transactions.increment();
        flights.add(flightsOfIt);
        long[] counts = mine.get();
        counts[0]++;
        counts[1] += flightsOfIt;
    }

    public Snapshot snapshot() {
        return new Snapshot(transactions.sum(), flights.sum());
    }

    /** What the calling thread has asked of the database. */
    public Snapshot snapshotOfThisThread() {
        long[] counts = mine.get();
        return new Snapshot(counts[0], counts[1]);
    }

    /** Counts at one moment; {@link #since} gives what happened between two. */
    public record Snapshot(long transactions, long flights) {

        public Snapshot since(Snapshot earlier) {
            return new Snapshot(transactions - earlier.transactions, flights - earlier.flights);
        }
    }
}
