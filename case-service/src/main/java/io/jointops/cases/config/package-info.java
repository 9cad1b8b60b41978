/**
 * The service's own configuration: the response-time policy of cooperation requests, and what a rectification reads
 * of the event store.
 */
package io.jointops.cases.config;
