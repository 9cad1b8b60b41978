/**
 * What checks a command: its record's constraints, before any handler runs (CommandValidation), and the plain checks
 * the services' aggregates share beyond them; no Spring, like the aggregates.
 */
package io.jointops.platform.command;
