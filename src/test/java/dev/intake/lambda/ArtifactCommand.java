package dev.intake.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the artifact's own command line as an operator runs it ({@code intake migrate}): the main class its
 * manifest names, on the unpacked artifact's class path, with only the environment given.
 */
final class ArtifactCommand {

    record Result(int exit, String output) {
    }

    private ArtifactCommand() {
    }

    static Result run(TaskRoot root, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", root.classPath(), root.mainClass()));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("intake-command", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("INTAKE_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("intake " + String.join(" ", args) + " did not end within 120 s:\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run intake " + String.join(" ", args) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
