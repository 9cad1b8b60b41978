/** Commands and events of financial intelligence (goAML-style suspicious transaction reports), owned by finance-service. */
package io.jointops.api.finance;
