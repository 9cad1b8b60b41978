/** The takedown view: requests to online platforms, their responses and time-to-removal statistics. */
package io.jointops.intel.query.takedownview;
