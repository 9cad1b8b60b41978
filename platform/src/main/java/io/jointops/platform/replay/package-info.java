/** Rebuilding a service's views from the event store while it keeps running, with progress an operator can follow. */
package io.jointops.platform.replay;
