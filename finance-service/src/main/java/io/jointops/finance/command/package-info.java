/** The suspicious transaction report aggregate: what a reporting entity reported, who owns it and who may see it. */
package io.jointops.finance.command;
