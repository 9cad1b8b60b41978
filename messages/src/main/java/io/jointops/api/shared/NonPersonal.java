package io.jointops.api.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares text of the message contracts not to be personal data, so it is stored as written (docs/privacy.md):
 * identifiers of items, codes, agencies, statuses, and the officers acting in office, whose names the audit trail
 * keeps for accountability. On a record component, for that component; on a record, for each of its text
 * components that is not marked {@link Personal} — a decision taken for the whole record, which keeps the
 * declarations short; a component whose name suggests a person (name, phone, address, note, text, ...) still needs
 * its own mark (the architecture test says which).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER,
        ElementType.TYPE})
public @interface NonPersonal {
}
