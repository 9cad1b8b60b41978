package io.jointops.api.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component of the message contracts that holds personal data: the event store, the notary's log and
 * every export keep it only encrypted with a key of its data subject, so destroying that key erases it everywhere
 * while the signed history still verifies (crypto-shredding, docs/privacy.md). The platform's event serializer does
 * the encrypting and decrypting in one place; handlers, views and controllers see the plain value, or
 * {@link #ERASED} once the key is destroyed.
 * <p>
 * The data subject, whose key encrypts the value, is:
 * <ul>
 * <li>the identifier the component names, when it is also marked {@link Identifies} or gives {@link #kind} or
 *     {@link #kindFrom} here: its normal form by the {@code identifiers} module, so one person's name, written in any
 *     equivalent way, has the same subject in every item and service;</li>
 * <li>the subject of the sibling component {@link #subjectFrom} names (an entity's normal form shares its
 *     value's);</li>
 * <li>else the item itself: free text about the item's people, erased with the item (retention, an erasure order
 *     naming the item).</li>
 * </ul>
 * Allowed on a {@code String} or a list or set of them. Every text component of an event is marked either this or
 * {@link NonPersonal} (an architecture test checks).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface Personal {

    /** What an erased value reads as: its key was destroyed, the stored ciphertext can no longer be read. */
    String ERASED = "[erased]";

    /** What the value names, as {@link Identifies#kind()}, for a component that is no {@link Identifies} itself. */
    Identifies.Kind[] kind() default {};

    /**
     * The record's component that says what the value names: an {@link Identifies.Kind}, or an
     * {@link Identifies.KindSource} as for {@link Identifies#kindFrom()}.
     */
    String kindFrom() default "";

    /** The record's component with the country a phone number is dialled in ({@link Identifies#countryFrom()}). */
    String countryFrom() default "";

    /** The sibling component whose data subject this value shares (a normal form and the value as written). */
    String subjectFrom() default "";
}
