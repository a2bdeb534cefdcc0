package dev.intake.lambda;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** One execution of the local Step Functions: what it was started with, what it went through, how it ended. */
final class Execution {

    final String arn;
    final String name;
    final String input;
    final Instant startDate = Instant.now();
    final List<StateMachine.Event> history = new CopyOnWriteArrayList<>();
    final CompletableFuture<StateMachine.Outcome> outcome = new CompletableFuture<>();

    Execution(String arn, String name, String input) {
        this.arn = arn;
        this.name = name;
        this.input = input;
    }

    /** The Task states it entered, in order (a retried Task is entered once). */
    List<String> tasksEntered() {
        return history.stream().filter(e -> e.type().equals("Task") && e.what().equals("entered")).map(StateMachine.Event::state)
                .toList();
    }

    String status() {
        return outcome.isDone() ? outcome.join().status().name() : "RUNNING";
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("execution " + name + " " + status());
        if (outcome.isDone() && outcome.join().error() != null) {
            text.append(" (").append(outcome.join().error()).append(": ").append(outcome.join().cause()).append(")");
        }
        history.forEach(e -> text.append("\n  ").append(e.state()).append(" [").append(e.type()).append("] ").append(e.what()));
        return text.toString();
    }
}
