package dev.intake.store;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits on every exchange with the database, so a slow or silent database fails the work in hand
 * (transiently, naming the database) rather than holding it, its connection and its row locks.
 */
@ConfigMapping(prefix = "intake.database")
public interface DatabaseConfig {

    /**
     * Server-side: the longest PostgreSQL lets a statement run, or a transaction sit idle, before it
     * ends it. Set inside each transaction, so it holds behind a transaction-mode pooler too.
     */
    @WithDefault("PT30S")
    Duration statementTimeout();

    /** How long to wait for a pooled connection (a new one includes connecting) before giving up. */
    @WithDefault("PT10S")
    Duration acquireTimeout();
}
