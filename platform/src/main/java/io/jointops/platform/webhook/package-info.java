/**
 * Webhooks: each service pushes its part of an agency's partner feed to the HTTPS endpoints the agency registered
 * (intel-service keeps the registrations; every service learns of them by their events), signed, retried with
 * back-off and dead-lettered, from a durable table of deliveries written in the feed's own transaction.
 */
package io.jointops.platform.webhook;
