/**
 * intel-service's aggregates, each deciding every change to its items: intelligence reports (grading, ownership,
 * release), takedown requests to online platforms, deconfliction notices and each agency's watchlist; and how
 * entities become identifiers.
 */
package io.jointops.intel.command;
