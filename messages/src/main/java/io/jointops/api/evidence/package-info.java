/**
 * Evidence files and their chain of custody: one command and the events every item that holds files applies (cases,
 * cooperation requests, intelligence reports, takedowns, transaction reports, shipments, incidents), each in its own
 * service and in its own item's stream. Shared, like {@code io.jointops.api.shared}, so the platform's one mechanism
 * (storage, hashing, download, custody) serves every context; {@code itemType} (the aggregate's type) says whose.
 */
package io.jointops.api.evidence;
