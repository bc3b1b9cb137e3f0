package org.balloon.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} real infrastructure: the run's Kafka broker and, when the
 * resource argument {@code schema} names the service's schema, a PostgreSQL schema of the run's
 * own (dropped when the application stops), and trust in the tokens of {@link TestTokens}. Use with
 * {@code @WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "events"))}.
 */
public class BalloonInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String schema;

    @Override
    public void init(Map<String, String> initArgs) {
        schema = initArgs.get("schema");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(LocalKafka.get().config());
        config.put("quarkus.devservices.enabled", "false");
        // the services under test trust the test JVM's own signing key (TestTokens)
        config.put("mp.jwt.verify.publickey.location", TestTokens.publicKeyLocation());
        if (schema != null) {
            LocalPostgres.dropSchema(schema);
            config.putAll(LocalPostgres.config(schema));
        }
        return config;
    }

    @Override
    public void stop() {
        if (schema != null) {
            LocalPostgres.dropSchema(schema);
        }
    }
}
