/**
 * The chemicals API: substances and national controls, pre-export notifications, shipments, incidents and their
 * evidence files; request records with their validation, and the controllers that turn them into commands and view reads.
 */
package io.jointops.chemicals.web;
