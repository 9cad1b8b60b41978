package io.jointops.api.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component of the message contracts that names an identifier: a person or company, a phone number,
 * an account, a wallet, a substance. Declared once, here on the records, and read generically (platform's
 * {@code NamedIdentifiers}): deconfliction indexes the identifiers of every context's items by it, and watchlists
 * match what the partner feed delivers by it, without a list of fields kept anywhere else. A component of a record
 * type (or a list or set of them) is searched inside, so {@code Party} marks its {@code name} once for every
 * exporter, importer and consignee.
 * <p>
 * The component holds the value as written (a {@code String}); it is normalised by the one normalisation of
 * identifiers ({@code io.jointops.identifiers}), whose kinds {@link Kind} names one for one (a test checks that
 * each normalises). The contracts do not depend on that module: it brings ICU's 15 MB to every service.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface Identifies {

    /**
     * What the value names. Several kinds where the contract does not say which (a goAML party is a person or an
     * organisation): the value is then taken as each. Empty when {@link #kindFrom()} gives it.
     */
    Kind[] kind() default {};

    /**
     * The record's component that says what the value names, for records that carry the kind beside the value
     * (an intelligence report's entity and its {@code type}); its type implements {@link KindSource}.
     */
    String kindFrom() default "";

    /**
     * The record's component with the ISO 3166-1 alpha-2 country a phone number written without its country code is
     * dialled in; empty if the record has none.
     */
    String countryFrom() default "";

    /**
     * What an identifier names: the kinds of {@code io.jointops.identifiers.IdentifierKind}, by the same names. A kind
     * is its own {@link KindSource}, so a record that carries the kind beside the value names it in {@code kindFrom}.
     */
    enum Kind implements KindSource {
        PERSON_NAME,
        ORGANISATION_NAME,
        LOCATION_NAME,
        PHONE_NUMBER,
        EMAIL_ADDRESS,
        URL,
        ONLINE_ACCOUNT,
        IBAN,
        BANK_ACCOUNT,
        CRYPTO_WALLET,
        VESSEL,
        FLIGHT_NUMBER,
        VEHICLE,
        CAS_NUMBER;

        @Override
        public Kind identifierKind() {
            return this;
        }
    }

    /** A value that says what kind of identifier its record's value is ({@link #kindFrom()}). */
    interface KindSource {

        Kind identifierKind();
    }
}
