package dev.intake.access;

import java.util.UUID;

import dev.intake.http.RequestRejected;
import dev.intake.store.WorkspaceStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether a caller may act in an account, by their role in Insights' {@code accounts.account_user}:
 * any member may see an account's interviews; owners and members may add interviews, viewers not.
 */
@ApplicationScoped
public class AccountAccess {

    private final WorkspaceStore workspace;

    AccountAccess(WorkspaceStore workspace) {
        this.workspace = workspace;
    }

    /** Whether the caller is a member of the account, in any role. */
    public boolean isMember(Caller caller, UUID accountId) {
        return workspace.roleIn(accountId, caller.userId()).isPresent();
    }

    /** Returns when the caller may add interviews to the account (owner or member); otherwise a 403. */
    public void requireContributor(Caller caller, UUID accountId) {
        String role = workspace.roleIn(accountId, caller.userId()).orElseThrow(() -> RequestRejected.forbidden(
                "user " + caller.userId() + " is not a member of account " + accountId));
        if ("viewer".equals(role)) {
            throw RequestRejected.forbidden("user " + caller.userId() + " is a viewer of account " + accountId
                    + "; viewers cannot import interviews");
        }
    }
}
