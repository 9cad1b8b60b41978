package io.jointops.platform.history;

import java.time.Instant;

/**
 * What auditors look for in the event store; every criterion is optional, those given must all hold.
 *
 * @param from          events stored at or after this instant
 * @param to            events stored before this instant
 * @param agency        events caused by a user of this agency (audit metadata {@code agency})
 * @param actor         events caused by this user (audit metadata {@code actor}, the user name)
 * @param itemType      events of items of this type, e.g. {@code JointCase}
 * @param correlationId events caused by the request with this correlation id
 */
public record AuditQuery(Instant from, Instant to, String agency, String actor, String itemType, String correlationId) {
}
