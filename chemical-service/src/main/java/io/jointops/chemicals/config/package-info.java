/** Spring wiring of chemical-service beyond the platform's: the controlled-precursor registry read at start. */
package io.jointops.chemicals.config;
