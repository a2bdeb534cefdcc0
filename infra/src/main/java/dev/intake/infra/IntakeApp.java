package dev.intake.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/** `cdk deploy` runs this: one stack, Intake. */
public final class IntakeApp {

    private IntakeApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        new IntakeStack(app, "Intake", StackProps.builder()
                .description("Intake: customer interviews to evidence, people, themes, personas and answers").build(),
                DeploymentSettings.from(app.getNode()));
        app.synth();
    }
}
