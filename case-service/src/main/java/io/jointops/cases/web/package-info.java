/**
 * The case API: cases, case leads, cooperation requests, evidence files and exports; request records with their
 * validation, and the controllers that turn them into commands and view reads.
 */
package io.jointops.cases.web;
