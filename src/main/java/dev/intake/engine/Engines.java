package dev.intake.engine;

import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.IntakeConfig;
import dev.intake.store.InterviewStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.SfnClientBuilder;

/** The engine the configuration names: {@code local} (in-process, the default) or {@code aws} (Step Functions). */
@ApplicationScoped
public class Engines {

    @Produces
    @ApplicationScoped
    WorkflowEngine engine(IntakeConfig config, Instance<LocalEngine> local, InterviewStore interviews, ObjectMapper json) {
        String engine = config.engine().kind();
        return switch (engine) {
            case "local" -> local.get();
            case "aws" -> new StepFunctionsEngine(sfn(config.engine()), config.engine().stateMachineArn().orElseThrow(() ->
                    new IllegalStateException("intake.engine.state-machine-arn is required with the aws engine")),
                    interviews, json);
            default -> throw new IllegalStateException("intake.engine.kind is '" + engine + "'; it must be local or aws");
        };
    }

    static SfnClient sfn(IntakeConfig.Engine config) {
        SfnClientBuilder builder = SfnClient.builder().httpClient(UrlConnectionHttpClient.create());
        config.region().ifPresent(region -> builder.region(Region.of(region)));
        config.stepFunctionsEndpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        return builder.build();
    }
}
