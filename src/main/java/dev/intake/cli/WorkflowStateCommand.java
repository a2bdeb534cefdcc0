package dev.intake.cli;

import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;

import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "workflow-state", mixinStandardHelpOptions = true,
        description = "An interview's workflow state (conversation_analysis), readable or as JSON.")
public class WorkflowStateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "the interview id", converter = InterviewIds.class)
    UUID id;

    @Option(names = "--json", description = "print the JSON as stored")
    boolean json;

    @Spec
    CommandSpec spec;

    @Inject
    InterviewStore interviews;

    @Override
    public Integer call() {
        Interview interview = interviews.find(id).orElse(null);
        if (interview == null) {
            spec.commandLine().getErr().println("intake workflow-state: no interview " + id);
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(interview.analysis().encodePrettily());
        } else {
            out.printf("status: %s%n", interview.status().dbValue());
            print(out, interview.analysis(), "");
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, JsonObject object, String indent) {
        object.fieldNames().stream().sorted().forEach(name -> {
            Object value = object.getValue(name);
            if (value instanceof JsonObject nested) {
                out.printf("%s%s:%n", indent, name.replace('_', ' '));
                print(out, nested, indent + "  ");
            } else if (value instanceof JsonArray array) {
                out.printf("%s%s: %s%n", indent, name.replace('_', ' '), array.isEmpty() ? "(none)"
                        : String.join(", ", array.stream().map(String::valueOf).toList()));
            } else {
                out.printf("%s%s: %s%n", indent, name.replace('_', ' '), value);
            }
        });
    }
}
