package io.jointops.finance.web;

import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.WalletRef;
import io.jointops.finance.command.FinanceCodes;
import io.jointops.finance.command.FinanceCodes.Fault;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bean Validation constraints for the codes of financial intelligence, delegating to {@link FinanceCodes} (the checks
 * the aggregates make too), so that a request names every faulty field, e.g. {@code transactions[12].fromAccount.iban}.
 */
public final class FinanceConstraints {

    private FinanceConstraints() {
    }

    /** An ISO 4217 currency code; {@code null} is left to {@code @NotNull}. */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = CurrencyValidator.class)
    public @interface CurrencyCode {
        String message() default "must be an ISO 4217 currency code such as USD";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** An ISO 3166-1 alpha-2 country code; {@code null} is left to {@code @NotNull}. */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = CountryValidator.class)
    public @interface CountryCode {
        String message() default "must be an ISO 3166-1 alpha-2 country code such as CN";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** An account: a valid IBAN, or number, bank identifier and country; the fault names the field inside it. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = AccountValidator.class)
    public @interface ValidAccount {
        String message() default "is not a valid account";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** A wallet: a known chain and an address of its shape. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = WalletValidator.class)
    public @interface ValidWallet {
        String message() default "is not a valid wallet";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** Each side of a transaction is exactly one of an account and a wallet. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = SidesValidator.class)
    public @interface OneAccountOrWalletPerSide {
        String message() default "each side must be an account or a wallet";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** The two sides of a transaction. */
    public interface Sides {
        Object fromAccount();
        Object fromWallet();
        Object toAccount();
        Object toWallet();
    }

    public static class SidesValidator implements ConstraintValidator<OneAccountOrWalletPerSide, Sides> {
        @Override
        public boolean isValid(Sides value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            if ((value.fromAccount() == null) == (value.fromWallet() == null)) {
                context.buildConstraintViolationWithTemplate("give either fromAccount or fromWallet")
                        .addPropertyNode("fromAccount").addConstraintViolation();
                valid = false;
            }
            if ((value.toAccount() == null) == (value.toWallet() == null)) {
                context.buildConstraintViolationWithTemplate("give either toAccount or toWallet")
                        .addPropertyNode("toAccount").addConstraintViolation();
                valid = false;
            }
            return valid;
        }
    }

    public static class CurrencyValidator implements ConstraintValidator<CurrencyCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || FinanceCodes.isCurrency(value);
        }
    }

    public static class CountryValidator implements ConstraintValidator<CountryCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || FinanceCodes.isCountry(value);
        }
    }

    public static class AccountValidator implements ConstraintValidator<ValidAccount, AccountReference> {
        @Override
        public boolean isValid(AccountReference value, ConstraintValidatorContext context) {
            return value == null || report(FinanceCodes.accountFault(value.toRef()), context);
        }
    }

    public static class WalletValidator implements ConstraintValidator<ValidWallet, WalletReference> {
        @Override
        public boolean isValid(WalletReference value, ConstraintValidatorContext context) {
            return value == null || report(FinanceCodes.walletFault(value.toRef()), context);
        }
    }

    /** Something a request names as an account. */
    public interface AccountReference {
        AccountRef toRef();
    }

    /** Something a request names as a wallet. */
    public interface WalletReference {
        WalletRef toRef();
    }

    /** Reports {@code fault} on its field inside the validated object; valid if there is none. */
    static boolean report(Fault fault, ConstraintValidatorContext context) {
        if (fault == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal(fault.detail()))
                .addPropertyNode(fault.field()).addConstraintViolation();
        return false;
    }

    /** Message templates interpolate {...} and ${...}: the caller's input echoed in a detail must stay literal. */
    static String literal(String text) {
        return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
