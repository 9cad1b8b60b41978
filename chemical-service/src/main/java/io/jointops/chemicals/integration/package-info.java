/**
 * What chemical-service learns from and asks of other contexts: names in intelligence reports released to an agency
 * (intel-service's events, for the risk indicators) and case leads proposed to case-service for fentanyl-precursor
 * incidents. The only place that knows their message packages.
 */
package io.jointops.chemicals.integration;
