/**
 * intel-service: graded intelligence reports shared between agencies and their links to joint cases, takedowns of
 * illegal online drug content, hit/no-hit search, deconfliction and watchlists.
 */
package io.jointops.intel;
