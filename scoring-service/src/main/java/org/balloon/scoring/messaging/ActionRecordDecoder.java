package org.balloon.scoring.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.TolerantReader;
import org.balloon.contracts.Topics;
import org.jboss.logging.Logger;

/**
 * Turns the key and value of a record of the actions topic into an action, a tombstone or a
 * poison verdict that says why. Values are read as text, so nothing a producer writes can break
 * the consumer; whatever cannot be scored is named here and goes to the DLQ. Fields this service
 * does not know are skipped and counted (a newer producer may add optional ones, see
 * contracts/README.md), and any schemaVersion of the v1 topic is read.
 */
@ApplicationScoped
public class ActionRecordDecoder {

    /** What a record turned out to be. */
    public sealed interface Decoded permits Action, Tombstone, Poison {
    }

    public record Action(PolicyAction action) implements Decoded {
    }

    public record Tombstone(String key) implements Decoded {
    }

    /**
     * @param reason    a stable code: unparsable-json, unsupported-schema-version, constraint-violation,
     *                  missing-id, key-id-mismatch, tombstone-without-key, scoring-failed (the engine threw)
     * @param exception the class of the exception behind it, or the reason when there was none
     * @param cause     a human-readable account, e.g. the fields that broke a constraint
     */
    public record Poison(String reason, String exception, String cause) implements Decoded {

        /** Every reason a record can be refused for (the DLQ counter is registered at zero for each). */
        public static final java.util.List<String> REASONS = java.util.List.of("unparsable-json", "unsupported-schema-version",
                "constraint-violation", "missing-id", "key-id-mismatch", "tombstone-without-key", "scoring-failed");
    }

    private static final Logger LOG = Logger.getLogger(ActionRecordDecoder.class);

    private final ObjectReader reader;
    private final Validator validator;
    private final Counter unknownFields;

    public ActionRecordDecoder(ObjectMapper mapper, Validator validator, MeterRegistry registry) {
        this.validator = validator;
        this.unknownFields = Counter.builder("balloon.topic.unknown.fields")
                .description("fields of topic records that this service does not know and skipped")
                .tag("topic", Topics.POLICY_ACTIONS).register(registry);
        this.reader = TolerantReader.of(mapper, PolicyAction.class, field -> {
            unknownFields.increment();
            LOG.debugf("skipped unknown field %s of a record of %s", field, Topics.POLICY_ACTIONS);
        });
    }

    public Decoded decode(String key, String value) {
        if (value == null) {
            return key == null || key.isBlank()
                    ? new Poison("tombstone-without-key", "none", "a tombstone must name the action it retracts in its key")
                    : new Tombstone(key);
        }
        PolicyAction action;
        try {
            action = reader.readValue(value);
        } catch (JsonProcessingException e) {
            return new Poison("unparsable-json", e.getClass().getName(), e.getOriginalMessage());
        }
        if (action == null) {
            return new Poison("unparsable-json", "none", "the value is JSON null");
        }
        if (action.schemaVersion() == null || action.schemaVersion() < PolicyAction.FIRST_SCHEMA_VERSION) {
            return new Poison("unsupported-schema-version", "none", "schemaVersion " + action.schemaVersion()
                    + ", this topic carries " + PolicyAction.FIRST_SCHEMA_VERSION + " or later");
        }
        Set<ConstraintViolation<PolicyAction>> violations = validator.validate(action);
        if (!violations.isEmpty()) {
            return new Poison("constraint-violation", jakarta.validation.ConstraintViolationException.class.getName(),
                    violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                            .map(v -> FieldNames.of(v.getPropertyPath()) + ": " + v.getMessage())
                            .collect(Collectors.joining("; ")));
        }
        if (action.id() == null) {
            return new Poison("missing-id", "none", "an action on the topic must carry the id the events service gave it");
        }
        if (key == null || !key.equals(action.id().toString())) {
            return new Poison("key-id-mismatch", "none", "record key " + key + " is not the action id " + action.id());
        }
        return new Action(action);
    }
}
