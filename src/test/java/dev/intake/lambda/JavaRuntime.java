package dev.intake.lambda;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How Lambda's {@code java21} managed runtime starts a function: a JVM whose class path holds only the
 * runtime interface client (RIC) and its libraries ({@code /var/runtime/lib} there), working in the task
 * root, which the RIC loads the function from ({@code /var/task} and its {@code lib/*.jar}, through its own
 * class loader). The JVM flags are the ones the runtime's bootstrap passes, sized by the function's memory;
 * the environment is the one Lambda gives every function, before the function's own variables.
 *
 * <p>The JVM is this machine's ({@code java.home}); Lambda's is Java 21 with its own class-data archive.
 * As in Lambda, the RIC's native client is loaded from the runtime's folder (a system property names it):
 * left to itself the RIC unpacks it to a fixed {@code /tmp/.libaws-lambda-jni.so}, which functions
 * starting side by side on one host overwrite under each other's feet (SIGBUS), though in Lambda every
 * function has a {@code /tmp} of its own.
 */
final class JavaRuntime {

    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";
    private static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /** A class from each jar of the runtime's lib folder: the RIC, lambda-java-core, -serialization, utils-lite. */
    private static final List<String> RUNTIME_LIBRARIES = List.of(
            MAIN_CLASS,
            "com.amazonaws.services.lambda.runtime.Context",
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal");

    /** The execution role's credentials, as Lambda puts them in the environment (a session token when not null). */
    record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    }

    private final Path nativeClient;

    private JavaRuntime(Path nativeClient) {
        this.nativeClient = nativeClient;
    }

    /** The runtime with its native client unpacked into {@code directory}/lib/jni, as in {@code /var/runtime}. */
    static JavaRuntime install(Path directory) {
        String library = "libaws-lambda-jni.linux-" + (System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64") + ".so";
        try (InputStream in = Class.forName(MAIN_CLASS).getResourceAsStream("/jni/" + library)) {
            if (in == null) {
                throw new IllegalStateException("the runtime interface client has no /jni/" + library);
            }
            Path target = Files.createDirectories(directory.resolve("lib/jni")).resolve(library);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return new JavaRuntime(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(MAIN_CLASS + " is not on the test class path", e);
        }
    }

    List<String> command(LambdaFunction function) {
        long heapKb = Math.round(function.memoryMb() * 1024 * 0.85);
        List<String> command = new ArrayList<>();
        // -Dlambda.cpus=0 (bench/run): each function on the named cores only, as Lambda gives a small
        // function a fraction of one; taskset is util-linux's, on every Debian machine.
        String cpus = System.getProperty("lambda.cpus", "");
        if (!cpus.isBlank()) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(
                "-XX:MaxHeapSize=" + heapKb + "k",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-XX:+ErrorFileToStderr",
                "-D" + JNI_PROPERTY + "=" + nativeClient));
        // -Dlambda.jvmOptions="..." (profiling a cold start, e.g. -Xlog:class+load): added to every function's JVM.
        String extra = System.getProperty("lambda.jvmOptions", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-classpath", runtimeClassPath(),
                MAIN_CLASS,
                HANDLER));
        return command;
    }

    /** What Lambda sets for every function; the function's own variables are added on top. */
    static Map<String, String> environment(LambdaFunction function, TaskRoot root, String runtimeApi, Credentials credentials) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("_HANDLER", HANDLER);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.lambdaName());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memoryMb()));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.lambdaName());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/[$LATEST]" + Long.toHexString(System.nanoTime()));
        env.put("AWS_REGION", LambdaFunction.REGION);
        env.put("AWS_DEFAULT_REGION", LambdaFunction.REGION);
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        if (credentials.sessionToken() != null) {
            env.put("AWS_SESSION_TOKEN", credentials.sessionToken());
        }
        env.put("LAMBDA_TASK_ROOT", root.dir().toString());
        return env;
    }

    /** The RIC and its libraries, found where this JVM loaded them from (the local Maven repository). */
    static String runtimeClassPath() {
        return RUNTIME_LIBRARIES.stream().map(JavaRuntime::jarOf).distinct().collect(Collectors.joining(File.pathSeparator));
    }

    private static String jarOf(String className) {
        try {
            Class<?> type = Class.forName(className, false, JavaRuntime.class.getClassLoader());
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is not on the test class path: the pom's test dependency"
                    + " com.amazonaws:aws-lambda-java-runtime-interface-client brings it", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
