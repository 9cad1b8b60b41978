/**
 * The intelligence API: reports, entity search, takedowns, deconfliction notices, watchlists, webhooks, evidence files and
 * exports; request records with their validation, and the controllers that turn them into commands and view reads.
 */
package io.jointops.intel.web;
