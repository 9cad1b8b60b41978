/** Commands and events of intelligence reports, owned by intel-service. */
package io.jointops.api.intel;
