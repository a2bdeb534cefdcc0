package dev.intake.engine;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which engine drives runs. */
@ConfigMapping(prefix = "intake.engine")
public interface EngineConfig {

    /** {@code local} (in-process) or {@code aws} (AWS Step Functions). */
    @WithDefault("local")
    String kind();

    /** The state machine of the aws engine (the deployment sets it). */
    Optional<String> stateMachineArn();

    /** Region of the Step Functions API; the Lambda's own region when unset. */
    Optional<String> region();

    /** A Step Functions API endpoint other than AWS's (tests). */
    Optional<String> stepFunctionsEndpoint();

    /**
     * The longest a start of an execution may take, the SDK's retries included: entry functions and
     * the sweeper count it in their time budgets (engine/TimeBudgets).
     */
    @WithDefault("PT10S")
    Duration apiCallTimeout();
}
