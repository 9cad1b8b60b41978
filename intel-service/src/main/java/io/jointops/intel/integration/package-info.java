/**
 * Other contexts' events translated into intel-service's own commands: deconfliction reads the identifiers every
 * context's items name and notes the matches between agencies' items on the agencies' notices.
 */
package io.jointops.intel.integration;
