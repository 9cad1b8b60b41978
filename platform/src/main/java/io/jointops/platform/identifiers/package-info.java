/**
 * The identifiers a message names, found by the {@code @Identifies} marks of the message contracts: what deconfliction
 * indexes and watchlists match, read the same way in every service.
 */
package io.jointops.platform.identifiers;
