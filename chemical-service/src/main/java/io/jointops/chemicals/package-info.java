/**
 * chemical-service: precursor control between agencies: the registry of controlled substances, pre-export
 * notifications and the importing authority's answer, tracked shipments and their risk, diversion and seizure incidents.
 */
package io.jointops.chemicals;
