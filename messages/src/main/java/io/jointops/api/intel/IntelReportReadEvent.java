package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

/**
 * Someone read a report labelled {@code TLP:AMBER} or stricter. Published on its own, not in the report's stream: a
 * read changes nothing about the report (its version and ETag stay), yet it is stored, and so notarised, like any
 * event.
 *
 * @param view what was read: {@code REPORT} (the report, now or as of an instant), {@code HISTORY}, or {@code EXPORT}
 *             (its audit bundle), or {@code FEED} (its events on the partner feed)
 */
@Revision("1")
@NonPersonal
public record IntelReportReadEvent(String reportId, String reader, String readerAgency, String view) {
}
