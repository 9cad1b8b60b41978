package io.jointops.platform.web;

import io.jointops.identifiers.Countries;
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
 * An ISO 3166-1 alpha-2 country code in upper case, one of those assigned ({@link Countries}, the one check of
 * countries). {@code null} is valid: say {@code @NotNull} where a country is required.
 */
@Documented
@Constraint(validatedBy = Country.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Country {

    String message() default "must be an ISO 3166-1 alpha-2 country code in upper case, such as CN or US";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Country, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Countries.isCountry(value);
        }
    }
}
