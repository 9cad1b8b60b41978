/** Upcasters: older revisions of intel-service's stored events read as the current ones. */
package io.jointops.intel.upcasting;
