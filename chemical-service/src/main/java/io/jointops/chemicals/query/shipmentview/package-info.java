/** The shipment view: tracked shipments with their movements, flags and requests, and their risk for the reader. */
package io.jointops.chemicals.query.shipmentview;
