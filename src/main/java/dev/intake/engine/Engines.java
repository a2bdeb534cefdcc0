package dev.intake.engine;

import java.net.URI;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.store.InterviewStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.SfnClientBuilder;

/**
 * The engines: {@code local} (in-process, the default) or {@code aws} (Step Functions). The
 * configuration names the one every run goes to; an ops command may be told which to use.
 */
@ApplicationScoped
public class Engines {

    public static final String LOCAL = "local";
    public static final String AWS = "aws";

    private final EngineConfig config;
    private final Instance<LocalEngine> local;
    private final InterviewStore interviews;
    private final ObjectMapper json;

    Engines(EngineConfig config, Instance<LocalEngine> local, InterviewStore interviews, ObjectMapper json) {
        this.config = config;
        this.local = local;
        this.interviews = interviews;
        this.json = json;
    }

    @Produces
    @ApplicationScoped
    WorkflowEngine configured() {
        return of(configuredKind());
    }

    /** The engine every run goes to unless a command is told otherwise ({@code intake.engine.kind}). */
    public String configuredKind() {
        return config.kind();
    }

    /** The engine of {@code kind}; check {@link #unusable} first. */
    public WorkflowEngine of(String kind) {
        unusable(kind).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        return kind.equals(LOCAL) ? local.get()
                : new StepFunctionsEngine(sfn(config), config.stateMachineArn().orElseThrow(), interviews, json);
    }

    /** Why an engine of {@code kind} cannot run with this configuration; empty when it can. */
    public Optional<String> unusable(String kind) {
        if (!kind.equals(LOCAL) && !kind.equals(AWS)) {
            return Optional.of("intake.engine.kind is '" + kind + "'; it must be local or aws");
        }
        if (kind.equals(AWS) && config.stateMachineArn().isEmpty()) {
            return Optional.of("the aws engine needs the state machine: set INTAKE_ENGINE_STATE_MACHINE_ARN (the stack's"
                    + " RunStateMachine output)");
        }
        return Optional.empty();
    }

    static SfnClient sfn(EngineConfig config) {
        // Bounded, retries included: a start is counted in its caller's time budget (TimeBudgets).
        SfnClientBuilder builder = SfnClient.builder().httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.apiCallTimeout(config.apiCallTimeout()));
        config.region().ifPresent(region -> builder.region(Region.of(region)));
        config.stepFunctionsEndpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        return builder.build();
    }
}
