/** Configuration every JointOps service shares: event store, command bus, security, problems and operability. */
package io.jointops.platform;
