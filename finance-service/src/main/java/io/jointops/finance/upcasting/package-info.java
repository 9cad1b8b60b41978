/** Upcasters: older revisions of finance-service's stored events read as the current ones. */
package io.jointops.finance.upcasting;
