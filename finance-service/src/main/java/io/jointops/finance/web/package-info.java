/**
 * The finance API: transaction reports (goAML intake, bulk import), tracing, identified assets and freeze requests;
 * request records with their validation, and the controllers that turn them into commands and view reads.
 */
package io.jointops.finance.web;
