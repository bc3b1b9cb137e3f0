package org.balloon.contracts.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A date in the span a counter-narcotics policy action can have: not before 1900 (the Hague
 * Opium Convention is 1912) and not more than {@value #YEARS_AHEAD} years ahead (proposed actions).
 */
@Documented
@Constraint(validatedBy = PlausibleDate.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

    int YEARS_AHEAD = 10;

    String message() default "must lie between 1900-01-01 and 10 years from today";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<PlausibleDate, LocalDate> {

        static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(EARLIEST)
                    && !value.isAfter(LocalDate.now(ZoneOffset.UTC).plusYears(YEARS_AHEAD)));
        }
    }
}
