package io.jointops.api.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command's component whose record the request carries at its top level (an intelligence report's content is
 * the request's body): a constraint violated inside it is named as the request names the field, {@code title} rather
 * than {@code content.title}. It changes how a refused field is named, nothing else: the command is serialized as
 * before.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface Unwrapped {
}
