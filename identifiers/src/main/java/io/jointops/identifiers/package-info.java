/**
 * One normalisation of the identifiers every service names: an {@link io.jointops.identifiers.Identifier} is a
 * canonical form and a few {@link io.jointops.identifiers.MatchKey}s, each tagged with the
 * {@link io.jointops.identifiers.MatchRule} that produced it, so a match says which rule matched and how strong it is.
 * Pure and deterministic; {@link io.jointops.identifiers.Identifiers} is the entry point.
 */
package io.jointops.identifiers;
