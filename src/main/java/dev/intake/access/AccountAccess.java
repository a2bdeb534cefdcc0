package dev.intake.access;

import java.util.UUID;

import dev.intake.ingest.RequestRejected;
import dev.intake.store.WorkspaceStore;
import jakarta.enterprise.context.ApplicationScoped;

/** Whether a caller may act in an account: only its members may. */
@ApplicationScoped
public class AccountAccess {

    private final WorkspaceStore workspace;

    AccountAccess(WorkspaceStore workspace) {
        this.workspace = workspace;
    }

    /** Returns when the caller is a member of the account; otherwise a 403 {@link RequestRejected}. */
    public void requireMember(Caller caller, UUID accountId) {
        if (!workspace.isMember(accountId, caller.userId())) {
            throw RequestRejected.forbidden("user " + caller.userId() + " is not a member of account " + accountId);
        }
    }
}
