package dev.intake.cli;

import java.util.concurrent.Callable;

import dev.intake.store.SchemaAudit;
import dev.intake.store.SqlCatalog;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "audit-schema", mixinStandardHelpOptions = true,
        description = "Prepares every SQL statement Intake issues against the configured database;"
                + " exits 1 naming each statement the schema cannot serve.")
public class AuditSchemaCommand implements Callable<Integer> {

    @Inject
    SchemaAudit audit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var findings = audit.auditAll();
        var out = spec.commandLine().getOut();
        if (findings.isEmpty()) {
            out.printf("All %d statements prepare against the schema.%n", SqlCatalog.statements().size());
            return 0;
        }
        findings.forEach(f -> out.printf("FAIL %s: %s%n", f.statement(), f.problem()));
        out.printf("%d of %d statements do not fit the schema.%n", findings.size(), SqlCatalog.statements().size());
        return 1;
    }
}
