/**
 * chemical-service's aggregates (pre-export notifications, shipments, incidents, national controls) and what they
 * check against: the controlled-precursor registry, CAS numbers, the agencies' PEN rules and the input limits.
 */
package io.jointops.chemicals.command;
