package org.balloon.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The declared constraints say which field is wrong, by its JSON name. */
class PolicyActionConstraintsTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aFullValidActionHasNoViolations() {
        assertThat(VALIDATOR.validate(ContractSchemasTest.fullAction())).isEmpty();
    }

    static Stream<Arguments> brokenActions() {
        return Stream.of(
                broken("targetCountry", a -> with(a, "ZZ", a.occurredOn(), a.title(), a.demandSideShare(), a.sources())),
                broken("targetCountry", a -> with(a, "co", a.occurredOn(), a.title(), a.demandSideShare(), a.sources())),
                broken("occurredOn", a -> with(a, a.targetCountry(), LocalDate.of(1850, 1, 1), a.title(), a.demandSideShare(), a.sources())),
                broken("title", a -> with(a, a.targetCountry(), a.occurredOn(), "x".repeat(201), a.demandSideShare(), a.sources())),
                broken("title", a -> with(a, a.targetCountry(), a.occurredOn(), " ", a.demandSideShare(), a.sources())),
                broken("demandSideShare", a -> with(a, a.targetCountry(), a.occurredOn(), a.title(), 1.5, a.sources())),
                broken("sources", a -> with(a, a.targetCountry(), a.occurredOn(), a.title(), a.demandSideShare(), List.of("not a url"))),
                broken("title", a -> with(a, a.targetCountry(), a.occurredOn(), "a\u0000b", a.demandSideShare(), a.sources())),
                broken("title", a -> with(a, a.targetCountry(), a.occurredOn(), "lone \ud800 high", a.demandSideShare(), a.sources())),
                broken("title", a -> with(a, a.targetCountry(), a.occurredOn(), "lone \udc00 low", a.demandSideShare(), a.sources())),
                broken("sources", a -> with(a, a.targetCountry(), a.occurredOn(), a.title(), a.demandSideShare(),
                        List.of("https://example.org/\u0000"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenActions")
    void aBrokenFieldIsNamed(String field, PolicyAction action) {
        Set<ConstraintViolation<PolicyAction>> violations = VALIDATOR.validate(action);
        assertThat(violations).extracting(v -> v.getPropertyPath().toString()).anyMatch(p -> p.startsWith(field));
    }

    @Test
    void aPairedSurrogateIsOneCharacterAndStaysValid() {
        PolicyAction a = ContractSchemasTest.fullAction();
        assertThat(VALIDATOR.validate(with(a, a.targetCountry(), a.occurredOn(), "cocaine \ud83d\udea2 route",
                a.demandSideShare(), a.sources()))).isEmpty();
    }

    private static Arguments broken(String field, UnaryOperator<PolicyAction> change) {
        return Arguments.of(field, change.apply(ContractSchemasTest.fullAction()));
    }

    private static PolicyAction with(PolicyAction a, String country, LocalDate date, String title, Double demand,
            List<String> sources) {
        return new PolicyAction(a.id(), a.schemaVersion(), a.receivedAt(), title, a.type(), country, date,
                a.description(), a.stage(), a.leadAgency(), a.agencies(), a.theater(), a.targetOrganizations(),
                a.substances(), a.partnerConsent(), a.lethalForce(), a.fatalities(), a.civilianHarmReported(), demand,
                a.alternativeLivelihoods(), a.budgetUsd(), a.durationMonths(), a.legalBasis(), sources);
    }
}
