/** Commands and events of precursor control (pre-export notifications under Art. 12 of the 1988 Convention), owned by chemical-service. */
package io.jointops.api.chemicals;
