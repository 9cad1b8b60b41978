/**
 * Commands and events of precursor control, owned by chemical-service: pre-export notifications (Art. 12 of the 1988
 * Convention) and the importing authority's response, tracked shipments, diversion and seizure incidents (PICS), and
 * national controls of registry substances.
 */
package io.jointops.api.chemicals;
