/**
 * finance-service: financial intelligence shared between agencies: suspicious transaction reports, following the
 * money, identified assets and freeze requests.
 */
package io.jointops.finance;
