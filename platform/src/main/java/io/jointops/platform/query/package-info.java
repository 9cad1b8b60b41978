/** Reading the services' views in one way: pages, agency-filtered tables, and waiting for a view to catch up. */
package io.jointops.platform.query;
