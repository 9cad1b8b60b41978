/** Plain checks the services' aggregates share when they refuse a command; no Spring, like the aggregates. */
package io.jointops.platform.command;
