package org.balloon.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.balloon.contracts.AsyncApiDocument;

/**
 * Checks Kafka records against the AsyncAPI document of the topics: a record is valid on a
 * channel when one of the channel's messages accepts its key (the Kafka binding's key schema), its
 * headers (as UTF-8 strings) and its value (JSON, or text for other content types; a tombstone is
 * JSON null). The schemas are resolved inside the document itself, as any AsyncAPI tool would.
 */
public final class AsyncApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final ObjectNode doc;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private AsyncApiContract(ObjectNode doc) {
        this.doc = doc;
    }

    /** The document as the contracts module bundles it (what the gateway serves). */
    public static AsyncApiContract bundled() {
        return new AsyncApiContract(AsyncApiDocument.bundled());
    }

    /** A document fetched from somewhere (e.g. the running gateway's /q/asyncapi). */
    public static AsyncApiContract of(JsonNode document) {
        return new AsyncApiContract((ObjectNode) document.deepCopy());
    }

    public JsonNode document() {
        return doc;
    }

    /** Why the record fits none of the messages of the channel with this address; empty when it fits one. */
    public List<String> violations(String address, ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return violations(address, record.key(), headers, record.value());
    }

    public List<String> violations(String address, String key, Map<String, String> headers, String value) {
        Map<String, String> messages = messagesOf(address);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> m : messages.entrySet()) {
            List<String> mine = messageViolations(m.getValue(), key, headers, value);
            if (mine.isEmpty()) {
                return List.of();
            }
            problems.add(m.getKey() + ": " + mine);
        }
        return problems;
    }

    /** Every example of every message checked against the message's own schemas. */
    public List<String> exampleViolations() {
        List<String> problems = new ArrayList<>();
        doc.path("components").path("messages").fields().forEachRemaining(m -> {
            String pointer = "#/components/messages/" + m.getKey();
            for (JsonNode example : m.getValue().path("examples")) {
                problems.addAll(check(pointer + "/headers", example.path("headers"), m.getKey() + " example headers"));
                problems.addAll(check(payloadPointer(pointer), example.get("payload") == null ? NullNode.getInstance()
                        : example.get("payload"), m.getKey() + " example payload"));
            }
        });
        return problems;
    }

    /** Message name → JSON pointer of the message, for the channel with this address. */
    Map<String, String> messagesOf(String address) {
        Map<String, String> found = new LinkedHashMap<>();
        doc.path("channels").fields().forEachRemaining(c -> {
            if (address.equals(c.getValue().path("address").asText())) {
                c.getValue().path("messages").fields().forEachRemaining(m -> {
                    String ref = m.getValue().path("$ref").asText(null);
                    found.put(m.getKey(), ref != null ? ref : "#/channels/" + c.getKey() + "/messages/" + m.getKey());
                });
            }
        });
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no channel with address " + address + " in the AsyncAPI document");
        }
        return found;
    }

    private List<String> messageViolations(String pointer, String key, Map<String, String> headers, String value) {
        JsonNode message = at(pointer);
        List<String> problems = new ArrayList<>();
        problems.addAll(check(pointer + "/bindings/kafka/key", key == null ? NullNode.getInstance() : TextNode.valueOf(key), "key"));
        ObjectNode headerNode = JsonNodeFactory.instance.objectNode();
        headers.forEach(headerNode::put);
        problems.addAll(check(pointer + "/headers", headerNode, "headers"));
        String contentType = message.path("contentType").asText(doc.path("defaultContentType").asText("application/json"));
        JsonNode payload;
        if (value == null) {
            payload = NullNode.getInstance();
        } else if (contentType.contains("json")) {
            try {
                payload = JSON.readTree(value);
            } catch (JsonProcessingException e) {
                problems.add("payload is not JSON: " + e.getOriginalMessage());
                return problems;
            }
        } else {
            payload = TextNode.valueOf(value);
        }
        problems.addAll(check(payloadPointer(pointer), payload, "payload"));
        return problems;
    }

    /** The payload's schema: a Multi Format Schema Object's {@code schema}, or the payload itself. */
    private String payloadPointer(String messagePointer) {
        return at(messagePointer).path("payload").has("schemaFormat") ? messagePointer + "/payload/schema"
                : messagePointer + "/payload";
    }

    private List<String> check(String schemaPointer, JsonNode instance, String what) {
        if (at(schemaPointer).isMissingNode()) {
            return List.of();
        }
        JsonSchema schema = compiled.computeIfAbsent(schemaPointer, p -> {
            // the whole document is the schema resource, so "#/components/schemas/..." resolves in it
            ObjectNode root = doc.deepCopy();
            root.put("$ref", p);
            return FACTORY.getSchema(root, CONFIG);
        });
        return schema.validate(instance).stream().map(v -> what + " " + v.getMessage()).toList();
    }

    private JsonNode at(String pointer) {
        return doc.at(pointer.substring(1));
    }
}
