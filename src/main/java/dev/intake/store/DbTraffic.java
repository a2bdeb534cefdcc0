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

    void transaction(int flightsOfIt) {
        transactions.increment();
        flights.add(flightsOfIt);
    }

    public Snapshot snapshot() {
        return new Snapshot(transactions.sum(), flights.sum());
    }

    /** Counts at one moment; {@link #since} gives what happened between two. */
    public record Snapshot(long transactions, long flights) {

        public Snapshot since(Snapshot earlier) {
            return new Snapshot(transactions - earlier.transactions, flights - earlier.flights);
        }
    }
}
