/** Processes over time within chemical-service: the importing authority's response window of a pre-export notification. */
package io.jointops.chemicals.saga;
