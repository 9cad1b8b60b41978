/** finance-service: financial intelligence (suspicious transaction reports) shared between agencies. */
package io.jointops.finance;
