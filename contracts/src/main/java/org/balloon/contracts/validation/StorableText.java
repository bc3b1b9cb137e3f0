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

/**
 * Text that every place it travels to can hold: no NUL (PostgreSQL's text and jsonb refuse U+0000,
 * so one such action would stop every later write of its score) and no unpaired UTF-16 surrogate
 * (not a character at all: it is stored as '?' and breaks browsers' UTF-8 decoding).
 */
@Documented
@Constraint(validatedBy = StorableText.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface StorableText {

    String message() default "must not contain NUL (U+0000) or an unpaired surrogate (U+D800-U+DFFF)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<StorableText, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || firstBadChar(value) < 0;
        }

        /** The index of the first NUL or unpaired surrogate, or -1. */
        public static int firstBadChar(CharSequence text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\0') {
                    return i;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        i++;
                        continue;
                    }
                    return i;
                }
                if (Character.isLowSurrogate(c)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
