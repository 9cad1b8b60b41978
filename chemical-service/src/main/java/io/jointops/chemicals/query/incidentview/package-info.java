/** The incident view: diversion and seizure incidents, as the seizing agency and those it released them to see them. */
package io.jointops.chemicals.query.incidentview;
