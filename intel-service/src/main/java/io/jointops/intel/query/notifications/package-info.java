/** Owners' notifications: searches of other agencies that matched reports those agencies may not see. */
package io.jointops.intel.query.notifications;
