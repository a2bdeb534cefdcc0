package dev.intake.cli;

import java.util.Map;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/**
 * The native executable as Lambda's {@code provided.al2023} runtime starts it: no arguments, and the
 * Runtime API's address in {@code AWS_LAMBDA_RUNTIME_API}. The Funqy runtime polls that API for
 * invocations from the moment the application is up; this keeps the process up with it until Lambda
 * stops it, where running a command (the CLI's main) would return at once and end the process.
 */
public class LambdaBootstrap implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(LambdaBootstrap.class);
    static final String RUNTIME_API = "AWS_LAMBDA_RUNTIME_API";

    /** Lambda gives a runtime no arguments; a command always has one. */
    static boolean isWanted(Map<String, String> environment, String... args) {
        return args.length == 0 && environment.get(RUNTIME_API) != null && !environment.get(RUNTIME_API).isBlank();
    }

    @Override
    public int run(String... args) {
        LOG.infof("serving %s to the Lambda Runtime API at %s", System.getenv("QUARKUS_FUNQY_EXPORT"),
                System.getenv(RUNTIME_API));
        Quarkus.waitForExit();
        return 0;
    }
}
