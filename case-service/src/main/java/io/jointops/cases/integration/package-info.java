/** Translates other services' events into case commands; the only place that knows their message packages. */
package io.jointops.cases.integration;
