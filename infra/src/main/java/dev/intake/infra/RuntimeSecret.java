package dev.intake.infra;

import java.util.List;
import java.util.regex.Pattern;

import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * A Secrets Manager secret the functions read at run time: the id they are given in their environment
 * (never a value: a rotation then needs no deploy), and the resource IAM lets them read it on.
 */
record RuntimeSecret(String id, String resource) {

    /** A complete ARN ends in the six characters Secrets Manager adds to the name. */
    private static final Pattern COMPLETE_ARN = Pattern.compile("arn:[^:]+:secretsmanager:[^:]*:[^:]*:secret:.+-[A-Za-z0-9]{6}");

    /** From the secret's name, or its complete ARN. */
    static RuntimeSecret of(Construct scope, String constructId, String nameOrArn) {
        if (COMPLETE_ARN.matcher(nameOrArn).matches()) {
            return new RuntimeSecret(nameOrArn, Secret.fromSecretCompleteArn(scope, constructId, nameOrArn).getSecretArn());
        }
        if (nameOrArn.startsWith("arn:")) {
            throw new IllegalArgumentException("secret '" + nameOrArn + "' is a partial ARN; give the secret's name or its"
                    + " complete ARN (ending in the six characters Secrets Manager adds)");
        }
        // A name's ARN ends in a suffix not known here: the grant matches any, as CDK's own grants do.
        return new RuntimeSecret(nameOrArn, Secret.fromSecretNameV2(scope, constructId, nameOrArn).getSecretArn() + "-??????");
    }

    /** Lets {@code function} read this secret's value, and nothing else of it or of any other secret. */
    void grantRead(Function function) {
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("secretsmanager:GetSecretValue"))
                .resources(List.of(resource))
                .build());
    }
}
