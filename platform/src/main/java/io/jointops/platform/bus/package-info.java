/**
 * The distributed command bus between services: its own internal port, a shared secret on every call, only the
 * platform's own message types deserialized, client timeouts, and membership from a static list or Kubernetes.
 */
package io.jointops.platform.bus;
