package dev.intake.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One of Intake's Lambdas as production deploys it, read from infra's {@code FunctionSpec.all()} (infra is a
 * Maven project of its own, so its source is read, not its classes): the function it exports, its memory
 * and timeout, what it needs and the values of the app secret it uses (so whether it is given that secret).
 */
record LambdaFunction(String name, int memoryMb, Duration timeout, Set<String> needs, List<String> appSecretValues) {

    static final Path INFRA_SPEC = Path.of("infra/src/main/java/dev/intake/infra/FunctionSpec.java");
    static final String ACCOUNT = "111122223333";
    static final String REGION = "us-east-1";

    private static final Pattern SPEC = Pattern.compile(
            "new FunctionSpec\\(\"([a-z-]+)\",\\s*(\\d+),\\s*Duration\\.(minutes|seconds)\\((\\d+)\\),"
                    + "\\s*Set\\.of\\(([^)]*)\\),\\s*Set\\.of\\(([^)]*)\\)\\)");

    /** The deployed function's name: the stack names each {@code intake-<function>}. */
    String lambdaName() {
        return "intake-" + name;
    }

    String arn() {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + lambdaName();
    }

    boolean startsRuns() {
        return needs.contains("START_RUNS");
    }

    /** Whether the stack gives it the app secret's id (and leave to read it). */
    boolean usesAppSecret() {
        return !appSecretValues.isEmpty();
    }

    static List<LambdaFunction> fromInfra() {
        String source;
        try {
            source = Files.readString(INFRA_SPEC);
        } catch (IOException e) {
            throw new UncheckedIOException("production's function list is read from " + INFRA_SPEC, e);
        }
        List<LambdaFunction> functions = new ArrayList<>();
        Matcher spec = SPEC.matcher(source);
        while (spec.find()) {
            Duration timeout = spec.group(3).equals("minutes") ? Duration.ofMinutes(Long.parseLong(spec.group(4)))
                    : Duration.ofSeconds(Long.parseLong(spec.group(4)));
            functions.add(new LambdaFunction(spec.group(1), Integer.parseInt(spec.group(2)), timeout,
                    Set.copyOf(constants(spec.group(5), "Need.")), constants(spec.group(6), "AppSecret.")));
        }
        int declared = source.split("new FunctionSpec\\(", -1).length - 1;
        if (functions.isEmpty() || functions.size() != declared) {
            throw new IllegalStateException(INFRA_SPEC + " declares " + declared + " functions, of which this reader understood "
                    + functions.stream().map(LambdaFunction::name).collect(Collectors.joining(", ", "[", "]"))
                    + "; teach LambdaFunction.fromInfra the new shape");
        }
        return List.copyOf(functions);
    }

    private static List<String> constants(String list, String prefix) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(s -> {
            if (!s.startsWith(prefix)) {
                throw new IllegalStateException("'" + s + "' in " + INFRA_SPEC + " is not a " + prefix + " constant");
            }
            return s.substring(prefix.length());
        }).toList();
    }
}
