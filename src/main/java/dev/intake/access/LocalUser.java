package dev.intake.access;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The one user of Intake's local data (`intake serve`, `intake process`): the owner of the local account
 * and, on local data only, an operator of the console.
 */
public final class LocalUser {

    public static final UUID ID = UUID.nameUUIDFromBytes("intake:user:local".getBytes(StandardCharsets.UTF_8));

    private LocalUser() {
    }
}
