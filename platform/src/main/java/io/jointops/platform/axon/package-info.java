/** The shared JDBC event store, its migrations, and the defaults of every event processor. */
package io.jointops.platform.axon;
