package dev.intake.store;

import java.util.Map;

import dev.intake.embedded.LocalPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The same guarantees on a connection with no pooler between (the embedded database): statements are
 * prepared once per connection and sent without the round trip each unnamed one takes.
 */
@QuarkusTest
@TestProfile(PipelinedStatementsOnADirectConnectionTest.DirectConnection.class)
class PipelinedStatementsOnADirectConnectionTest extends PipelinedStatementsTest {

    public static class DirectConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return LocalPostgres.directConnectionProperties();
        }
    }
}
