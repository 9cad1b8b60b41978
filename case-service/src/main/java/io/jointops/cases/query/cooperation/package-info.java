/** The cooperation request view: requests between agencies with their legal clocks, for sender and receiver. */
package io.jointops.cases.query.cooperation;
