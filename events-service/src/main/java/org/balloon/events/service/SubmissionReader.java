package org.balloon.events.service;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.problem.Problem;
import org.balloon.contracts.validation.Utf8Json;
import org.balloon.events.domain.Submission;

/**
 * Turns request bytes into checked submissions: JSON syntax (with the parse position), unknown and
 * server-owned fields (all of them, by name), JSON types, then the contract's Bean Validation
 * constraints declared on {@link PolicyAction}.
 */
@ApplicationScoped
public class SubmissionReader {

    /** Set by the server; a client that sends them is told so rather than silently overridden. */
    public static final Set<String> SERVER_FIELDS = Set.of("id", "receivedAt", "schemaVersion");

    private static final Map<String, Type> FIELDS = Arrays.stream(PolicyAction.class.getRecordComponents())
            .collect(Collectors.toMap(RecordComponent::getName, RecordComponent::getGenericType, (a, b) -> a,
                    LinkedHashMap::new));

    private final ObjectMapper mapper;
    private final ObjectReader treeReader;
    private final Validator validator;

    public SubmissionReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
        // a duplicated key or a second document after the first would otherwise be dropped silently
        this.treeReader = mapper.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * Parses one JSON document; a syntax error becomes a {@link MalformedJsonException} with its position,
     * bytes that are not UTF-8 text (which Jackson would quietly turn into other text) an
     * {@link InvalidRequestException} naming the field that holds them.
     */
    public JsonNode parse(byte[] body) {
        Utf8Json.check(body).ifPresent(bad -> {
            throw InvalidRequestException.of(bad.field() == null ? Problem.FieldError.WHOLE_ITEM : bad.field(),
                    "must be UTF-8 text: " + bad.message());
        });
        try {
            JsonNode node = treeReader.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJsonException("the body is empty", 1, 1, 0);
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("malformed JSON");
            if (at == null) {
                throw new MalformedJsonException(message, 1, 1, 0);
            }
            long offset = at.getByteOffset() >= 0 ? at.getByteOffset() : Math.max(0, at.getCharOffset());
            throw new MalformedJsonException(message, at.getLineNr(), at.getColumnNr(), offset);
        } catch (IOException e) {
            throw new MalformedJsonException(e.getMessage(), 1, 1, 0);
        }
    }

    /** Checks one parsed item against the contract; throws {@link InvalidRequestException} listing every bad field. */
    public Submission toSubmission(JsonNode node) {
        if (!node.isObject()) {
            throw InvalidRequestException.of(Problem.FieldError.WHOLE_ITEM, "must be a JSON object (one policy action)");
        }
        List<Problem.FieldError> problems = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (SERVER_FIELDS.contains(name)) {
                problems.add(new Problem.FieldError(name, "is set by the server and must not be sent"));
            } else if (!FIELDS.containsKey(name)) {
                problems.add(new Problem.FieldError(name, "unknown field"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(summary(problems), problems);
        }
        PolicyAction action = convert(node, PolicyAction.class);
        problems.addAll(violations(action));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(summary(problems), problems);
        }
        try {
            return new Submission(action, mapper.writeValueAsString(action));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a validated action", e);
        }
    }

    /** Reads and validates a small request record (e.g. a retraction) with the same rules and messages. */
    public <T> T toRecord(JsonNode node, Class<T> type) {
        if (!node.isObject()) {
            throw InvalidRequestException.of(Problem.FieldError.WHOLE_ITEM, "must be a JSON object");
        }
        T value = convert(node, type);
        List<Problem.FieldError> problems = violations(value);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(summary(problems), problems);
        }
        return value;
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            Problem.FieldError problem = mappingProblem(e);
            throw new InvalidRequestException(summary(List.of(problem)), List.of(problem));
        }
    }

    private <T> List<Problem.FieldError> violations(T value) {
        return validator.validate(value).stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
    }

    /** A Jackson mapping error as a problem naming the JSON field. */
    public static Problem.FieldError mappingProblem(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return new Problem.FieldError(Problem.FieldError.WHOLE_ITEM, e.getOriginalMessage());
        }
        String field = pathOf(mapping);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new Problem.FieldError(field.isEmpty() ? unknown.getPropertyName() : field, "unknown field");
        }
        if (field.isEmpty()) {
            return new Problem.FieldError(Problem.FieldError.WHOLE_ITEM, mapping.getOriginalMessage());
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            target = declaredType(mapping);
        }
        return new Problem.FieldError(field, target == null ? mapping.getOriginalMessage() : expected(target));
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** The declared type of the field (or list element) the error is about, when Jackson did not say. */
    private static Class<?> declaredType(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (path.isEmpty() || path.get(0).getFieldName() == null) {
            return null;
        }
        Type type = FIELDS.get(path.get(0).getFieldName());
        if (type instanceof ParameterizedType list && path.size() > 1) {
            type = list.getActualTypeArguments()[0];
        }
        return type instanceof Class<?> c ? c : (type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null);
    }

    private static String expected(Class<?> target) {
        if (target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (target == LocalDate.class) {
            return "must be an ISO date (yyyy-mm-dd)";
        }
        if (target == Instant.class) {
            return "must be an ISO instant (e.g. 2024-05-10T12:00:00Z)";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class) {
            return "must be a number";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        return "has the wrong type";
    }

    /** The JSON field name of a violation: record components are named like the JSON fields. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(name);
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? Problem.FieldError.WHOLE_ITEM : field.toString();
    }

    private static String summary(List<Problem.FieldError> problems) {
        return problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
    }
}
