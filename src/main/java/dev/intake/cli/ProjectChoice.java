package dev.intake.cli;

import dev.intake.local.LocalWorkspace;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.intake.store.WorkspaceStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where a command files the interviews it makes. On local data: the local project (made on first use),
 * or a project named with {@code --project}. On a configured database, a customer's: only a project the
 * operator names, read and never created, answered against its own research questions. Every refusal
 * comes before anything is written.
 */
@ApplicationScoped
public class ProjectChoice {

    /** The project to use, or why the command must not run. */
    public sealed interface Choice {
        record Use(UUID accountId, UUID projectId) implements Choice {
        }

        record Refuse(String reason) implements Choice {
        }
    }

    private final CommandTarget target;
    private final LocalWorkspace local;
    private final WorkspaceStore workspace;

    ProjectChoice(CommandTarget target, LocalWorkspace local, WorkspaceStore workspace) {
        this.target = target;
        this.local = local;
        this.workspace = workspace;
    }

    /** {@code questions}: the ones given with {@code --question}, empty when none were. */
    public Choice choose(Optional<UUID> project, List<String> questions) {
        if (target.localMode()) {
            return onLocalData(project, questions);
        }
        if (project.isEmpty()) {
            return new Choice.Refuse("this is a configured database, where Intake creates no account or project: name the"
                    + " project to file interviews under with --project ID (an id of its projects table)");
        }
        if (!questions.isEmpty()) {
            return new Choice.Refuse("--question is for local data: on a configured database interviews are answered against"
                    + " the project's own research questions, and Intake adds none");
        }
        Optional<String> noBucket = target.missingBucketSettings();
        if (noBucket.isPresent()) {
            return new Choice.Refuse(noBucket.get());
        }
        return named(project.get(), "this database");
    }

    private Choice onLocalData(Optional<UUID> project, List<String> questions) {
        if (project.isEmpty()) {
            local.prepare(questions.isEmpty() ? LocalWorkspace.DEFAULT_QUESTIONS : questions);
            return new Choice.Use(LocalWorkspace.ACCOUNT_ID, LocalWorkspace.PROJECT_ID);
        }
        local.prepareStorage();
        Choice choice = named(project.get(), "the local data");
        if (choice instanceof Choice.Use) {
            local.addQuestions(project.get(), questions);
        }
        return choice;
    }

    private Choice named(UUID project, String where) {
        return workspace.accountOf(project).<Choice>map(account -> new Choice.Use(account, project))
                .orElseGet(() -> new Choice.Refuse("--project " + project + ": there is no such project in " + where));
    }
}
