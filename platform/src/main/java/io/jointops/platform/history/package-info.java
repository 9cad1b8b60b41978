/** An item's history as stored in the event store, in one shape for every service. */
package io.jointops.platform.history;
