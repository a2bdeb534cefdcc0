package dev.intake.lambda;

/** One function's line of the cold-start benchmark: its cold start, a warm invocation after it, its peak RSS by then. */
record BenchmarkRow(ColdStart coldStart, InvocationResult warm, long peakRssKib) {
}
