/**
 * case-service's aggregates, each deciding every change to its items: the joint case (who leads, who takes part, what
 * is linked, tasks, notes, evidence files), cooperation requests between agencies, case leads proposed by other
 * services, and erasure orders of personal data.
 */
package io.jointops.cases.command;
