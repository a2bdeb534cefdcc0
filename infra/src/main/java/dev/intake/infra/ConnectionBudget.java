package dev.intake.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many instances of each function may run at once, so that all of them together never ask the
 * database's pooler for more connections than it has: each instance holds at most
 * {@link #CONNECTIONS_PER_INSTANCE} (the app's {@code quarkus.datasource.reactive.max-size}), and the
 * pooler's connections are shared out by weight. A surge then waits in Lambda's queue (async events,
 * the state machine's 13-minute throttle retry) instead of failing at the database.
 */
final class ConnectionBudget {

    static final int CONNECTIONS_PER_INSTANCE = 2;

    /** Shares of the pooler: the steps that hold a connection longest, and the web app's polling, get most. */
    private static final Map<String, Integer> SHARES = Map.ofEntries(
            Map.entry("upload-completed", 2), Map.entry("recall-webhook", 2), Map.entry("url-import", 1),
            Map.entry("interview-status", 3), Map.entry("ops-console", 1), Map.entry("sweep-stuck", 1), Map.entry("step-upload", 4),
            Map.entry("step-evidence", 2), Map.entry("step-enrich-person", 2), Map.entry("step-insights", 2),
            Map.entry("step-personas", 2), Map.entry("step-answers", 2), Map.entry("step-finalize", 1),
            Map.entry("step-failed", 1));

    private ConnectionBudget() {
    }

    /** Reserved concurrency per function for a pooler of {@code poolerConnections}. */
    static Map<String, Integer> reservedConcurrency(List<FunctionSpec> functions, int poolerConnections) {
        int instances = poolerConnections / CONNECTIONS_PER_INSTANCE;
        if (instances < functions.size()) {
            throw new IllegalArgumentException("a pooler of " + poolerConnections + " connections cannot give each of the "
                    + functions.size() + " functions one instance of " + CONNECTIONS_PER_INSTANCE + " connections; at least "
                    + functions.size() * CONNECTIONS_PER_INSTANCE + " are needed (-c poolerConnections=N)");
        }
        int totalShares = functions.stream().mapToInt(f -> share(f.name())).sum();
        // One instance each first, then the rest by share, so the sum never passes what the pooler has.
        int spare = instances - functions.size();
        Map<String, Integer> reserved = new LinkedHashMap<>();
        for (FunctionSpec function : functions) {
            reserved.put(function.name(), 1 + spare * share(function.name()) / totalShares);
        }
        return reserved;
    }

    private static int share(String function) {
        Integer share = SHARES.get(function);
        if (share == null) {
            throw new IllegalStateException("function " + function + " has no share of the database pooler");
        }
        return share;
    }
}
