package dev.intake.cli;

import dev.intake.cli.measure.EvalCommand;
import dev.intake.cli.measure.SweepScanCommand;
import dev.intake.cli.measure.ThroughputCommand;
import picocli.CommandLine.Command;

@Command(name = "intake", mixinStandardHelpOptions = true,
        description = "Turns customer interviews into transcripts, evidence, people, themes, personas and answers.",
        subcommands = {ProcessCommand.class, EvalCommand.class, ServeCommand.class, DiagnoseCommand.class, WorkflowStateCommand.class,
                RepairCommand.class, SweepCommand.class, MigrateCommand.class, AuditSchemaCommand.class, ThroughputCommand.class,
                SweepScanCommand.class})
public class IntakeCommand {
}
