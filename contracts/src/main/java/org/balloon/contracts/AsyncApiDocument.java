package org.balloon.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The AsyncAPI 3 document of the topics ({@value #RESOURCE}), self-contained: the JSON Schemas it
 * references in {@code schemas/} are inlined under {@code components/schemas}, their {@code $defs}
 * become components of their own and every {@code $ref} is rewritten to point there, so that tools
 * that do not know JSON Schema 2020-12's {@code $id} scoping read it right.
 */
public final class AsyncApiDocument {

    public static final String RESOURCE = "asyncapi/balloon.asyncapi.yaml";
    private static final String SCHEMA_DIR = "../schemas/";
    private static final String COMPONENTS = "#/components/schemas/";

    private AsyncApiDocument() {
    }

    /** The source document as written, its schemas still referenced by file. */
    public static ObjectNode source() {
        return (ObjectNode) read(RESOURCE, new YAMLMapper());
    }

    /** The document with every referenced JSON Schema inlined. */
    public static ObjectNode bundled() {
        ObjectNode doc = source();
        ObjectNode schemas = (ObjectNode) doc.path("components").path("schemas");
        // first pass: which component each schema file becomes
        Map<String, String> componentOfFile = new HashMap<>();
        schemas.fields().forEachRemaining(e -> {
            String ref = e.getValue().path("$ref").asText("");
            if (ref.startsWith(SCHEMA_DIR)) {
                componentOfFile.put(ref.substring(SCHEMA_DIR.length()), e.getKey());
            }
        });
        ObjectMapper json = new ObjectMapper();
        componentOfFile.forEach((file, component) -> {
            ObjectNode schema = (ObjectNode) read("schemas/" + file, json);
            schema.remove("$schema");
            schema.remove("$id");
            JsonNode defs = schema.remove("$defs");
            rewriteRefs(schema, componentOfFile);
            schemas.set(component, schema);
            if (defs != null) {
                defs.fields().forEachRemaining(d -> {
                    if (schemas.has(d.getKey())) {
                        throw new IllegalStateException("schema " + file + " defines " + d.getKey() + ", a component already");
                    }
                    rewriteRefs(d.getValue(), componentOfFile);
                    schemas.set(d.getKey(), d.getValue());
                });
            }
        });
        return doc;
    }

    /** {@link #bundled()} as YAML. */
    public static String bundledYaml() {
        try {
            return new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build()).writeValueAsString(bundled());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #bundled()} as JSON. */
    public static String bundledJson() {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(bundled());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> componentOfFile) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = ref.asText();
                if (target.startsWith("#/$defs/")) {
                    object.put("$ref", COMPONENTS + target.substring("#/$defs/".length()));
                } else if (componentOfFile.containsKey(target)) {
                    object.put("$ref", COMPONENTS + componentOfFile.get(target));
                } else if (!target.startsWith(COMPONENTS)) {
                    throw new IllegalStateException("cannot inline the reference " + target);
                }
            }
            List<JsonNode> children = new ArrayList<>();
            object.elements().forEachRemaining(children::add);
            children.forEach(c -> rewriteRefs(c, componentOfFile));
        } else if (node != null && node.isArray()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                rewriteRefs(it.next(), componentOfFile);
            }
        }
    }

    private static JsonNode read(String resource, ObjectMapper mapper) {
        try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
