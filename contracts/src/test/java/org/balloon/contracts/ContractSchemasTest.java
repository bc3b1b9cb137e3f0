package org.balloon.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Java records, the JSON Schemas and DESIGN.md describe the same documents. */
class ContractSchemasTest {

    /** Field names of the policy action as DESIGN.md lists them (required, optional, server-added). */
    static final Set<String> DESIGN_ACTION_FIELDS = new TreeSet<>(List.of(
            "title", "type", "targetCountry", "occurredOn",
            "description", "stage", "leadAgency", "agencies", "theater", "targetOrganizations",
            "substances", "partnerConsent", "lethalForce", "fatalities", "civilianHarmReported",
            "demandSideShare", "alternativeLivelihoods", "budgetUsd", "durationMonths", "legalBasis",
            "sources", "id", "receivedAt", "schemaVersion",
            // optional, added for model 2026.2 (additive: absent = not stated)
            "partnerOfficialTarget", "partnerInformedBeforehand"));

    /** Field names of the action score in DESIGN.md, plus the extra {@code action}. */
    static final Set<String> DESIGN_SCORE_FIELDS = new TreeSet<>(List.of(
            "actionId", "schemaVersion", "modelVersion", "scoredAt", "overall", "band", "criteria", "action",
            // optional, added for issue 14 (the record state a history-aware score used)
            "context"));

    final ObjectMapper mapper = BalloonJson.newMapper();
    final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix("https://balloon.dev/schemas/", "classpath:schemas/")));
    final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    final JsonSchema actionSchema = schema("policy-action.v1.schema.json");
    final JsonSchema scoreSchema = schema("action-score.v1.schema.json");

    static PolicyAction fullAction() {
        return new PolicyAction(UUID.fromString("0b9c8a52-54b5-4b59-9d5e-3f4a51d1a6a1"), PolicyAction.SCHEMA_VERSION,
                Instant.parse("2025-09-03T12:00:00Z"), "Strike on a vessel off Venezuela", ActionType.MILITARY_STRIKE,
                "VE", LocalDate.parse("2025-09-02"), "Lethal strike on a boat the US said carried drugs.",
                Stage.COMPLETED, Agency.DOD, List.of(Agency.DOD, Agency.STATE), Theater.INTERNATIONAL_WATERS,
                List.of("Tren de Aragua"), List.of(Substance.COCAINE), PartnerConsent.NONE, true, 11, false, 0.0,
                false, 2_500_000.0, 1, LegalBasis.ARMED_CONFLICT_CLAIM,
                List.of("https://www.cfr.org/article/how-us-failed-take-down-narco-terrorism"),
                PartnerOfficialTarget.NOT_AN_OFFICIAL, false);
    }

    static ActionScore fullScore() {
        return new ActionScore(fullAction().id(), ActionScore.SCHEMA_VERSION, "2026.1+abc123",
                Instant.parse("2025-09-03T12:00:01Z"), 71, Band.HIGH,
                List.of(new CriterionScore(Criterion.SOVEREIGNTY_FRICTION, 80,
                        List.of(new Factor("SF-03", 30, "lethal force without partner consent")),
                        "Unilateral action on a partner's ground costs its buy-in.")),
                fullAction());
    }

    @Test
    void recordsHaveExactlyTheFieldsOfDesignAndSchema() {
        assertThat(components(PolicyAction.class)).isEqualTo(DESIGN_ACTION_FIELDS);
        assertThat(properties(actionSchema)).isEqualTo(DESIGN_ACTION_FIELDS);
        assertThat(components(ActionScore.class)).isEqualTo(DESIGN_SCORE_FIELDS);
        assertThat(properties(scoreSchema)).isEqualTo(DESIGN_SCORE_FIELDS);
    }

    @Test
    void everyFieldOfAFullActionIsWrittenAndValidates() throws Exception {
        JsonNode json = mapper.valueToTree(fullAction());
        assertThat(fieldNames(json)).isEqualTo(DESIGN_ACTION_FIELDS);
        assertThat(actionSchema.validate(json)).isEmpty();
        assertThat(mapper.treeToValue(json, PolicyAction.class)).isEqualTo(fullAction());
    }

    @Test
    void anActionWrittenBeforeModel2026_2StillReadsAndLeavesTheNewFieldsNotStated() throws Exception {
        ObjectNode json = mapper.valueToTree(fullAction());
        json.remove("partnerOfficialTarget");
        json.remove("partnerInformedBeforehand");
        assertThat(actionSchema.validate(json)).isEmpty();
        PolicyAction read = mapper.treeToValue(json, PolicyAction.class);
        assertThat(read.partnerOfficialTarget()).isNull();
        assertThat(read.partnerInformedBeforehand()).isNull();
        assertThat(fieldNames(mapper.valueToTree(read))).doesNotContain("partnerOfficialTarget", "partnerInformedBeforehand");
    }

    @Test
    void aFullScoreValidatesAndRoundTrips() throws Exception {
        JsonNode json = mapper.valueToTree(fullScore());
        assertThat(scoreSchema.validate(json)).isEmpty();
        assertThat(json.get("scoredAt").asText()).isEqualTo("2025-09-03T12:00:01Z");
        assertThat(mapper.treeToValue(json, ActionScore.class)).isEqualTo(fullScore());
    }

    @Test
    void aMinimalSubmissionValidatesAndLeavesOptionalFieldsAbsent() throws Exception {
        String minimal = """
                {"title":"Eradication in Putumayo","type":"CROP_ERADICATION","targetCountry":"CO","occurredOn":"2001-03-01"}
                """;
        assertThat(actionSchema.validate(mapper.readTree(minimal))).isEmpty();
        PolicyAction action = mapper.readValue(minimal, PolicyAction.class);
        assertThat(action.stage()).isNull();
        assertThat(fieldNames(mapper.valueToTree(action))).containsExactlyInAnyOrder("title", "type", "targetCountry", "occurredOn");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown field (a typo)     | lethalforce  | true",
            "type outside the enum      | type         | \"NOT_A_TYPE\"",
            "title that is a number     | title        | 42",
            "date that is not a date    | occurredOn   | \"last tuesday\"",
            "fatalities that is text    | fatalities   | \"many\"",
            "lethal force as text       | lethalForce  | \"yes\"",
            "agency outside the enum    | agencies     | [\"NAVY\"]",
            "official role outside enum | partnerOfficialTarget | \"MAYOR\"",
            "informed as text           | partnerInformedBeforehand | \"yes\"",
    })
    void aSchemaInvalidActionFailsBothTheSchemaAndDeserialisation(String why, String field, String rawValue) throws Exception {
        ObjectNode json = mapper.valueToTree(fullAction());
        json.set(field, mapper.readTree(rawValue));
        Set<ValidationMessage> errors = actionSchema.validate(json);
        assertThat(errors).as(why).isNotEmpty();
        assertThatThrownBy(() -> mapper.treeToValue(json, PolicyAction.class)).as(why)
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aScoreWithAnUnknownBandFailsBothTheSchemaAndDeserialisation() {
        ObjectNode json = mapper.valueToTree(fullScore());
        json.put("band", "CATASTROPHIC");
        assertThat(scoreSchema.validate(json)).isNotEmpty();
        assertThatThrownBy(() -> mapper.treeToValue(json, ActionScore.class)).isInstanceOf(JsonProcessingException.class);
    }

    private JsonSchema schema(String file) {
        return factory.getSchema(SchemaLocation.of("https://balloon.dev/schemas/" + file), config);
    }

    private static Set<String> components(Class<? extends Record> type) {
        return new TreeSet<>(Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList());
    }

    private static Set<String> properties(JsonSchema schema) {
        return fieldNames(schema.getSchemaNode().get("properties"));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
