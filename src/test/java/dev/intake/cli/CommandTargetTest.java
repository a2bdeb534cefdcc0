package dev.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.testing.Cli;
import dev.intake.testing.PostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import picocli.CommandLine;

/** Before it runs, every command says on stderr which database and bucket it works on, credentials masked. */
@QuarkusTest
class CommandTargetTest {

    @Inject
    CommandLine.IFactory factory;

    private static String s3Endpoint() {
        return System.getProperty("embedded.test.s3.endpoint");
    }

    @Test
    void every_command_says_which_database_and_bucket_it_uses_before_it_runs() {
        int port = PostgresResource.serverPort();
        Cli.Run diagnose = Cli.run(factory, "diagnose", UUID.randomUUID().toString());
        assertEquals("intake diagnose: database postgresql://localhost:" + port + "/postgres as postgres;"
                + " bucket s3://intake-media at " + s3Endpoint(), diagnose.err().lines().findFirst().orElseThrow());

        Cli.Run migrate = Cli.run(factory, "migrate");
        assertEquals(0, migrate.exit(), migrate.err());
        assertEquals("intake migrate: database jdbc:postgresql://localhost:" + port + "/postgres as postgres;"
                + " bucket s3://intake-media at " + s3Endpoint(), migrate.err().strip());
    }

    @Test
    void asking_for_help_touches_nothing_and_says_nothing_of_it() {
        Cli.Run help = Cli.run(factory, "sweep", "--help");
        assertEquals(0, help.exit());
        assertEquals("", help.err());
    }

    @Test
    void passwords_and_secret_parameters_never_appear() {
        assertEquals("postgresql://postgres.abcd:***@aws-0-eu-central-1.pooler.supabase.com:6543/postgres?sslmode=require",
                CommandTarget.masked("postgresql://postgres.abcd:s3cret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres"
                        + "?sslmode=require"));
        assertEquals("jdbc:postgresql://db.abcd.supabase.co:5432/postgres?user=postgres&password=***&sslmode=require",
                CommandTarget.masked("jdbc:postgresql://db.abcd.supabase.co:5432/postgres?user=postgres&password=s3cret"
                        + "&sslmode=require"));
        assertFalse(CommandTarget.masked("postgresql://u:p%40ss@h/db").contains("p%40ss"));
    }
}
