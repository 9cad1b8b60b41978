/** The intelligence report aggregate: its grading, who owns it and who may see it. Decides every change to a report. */
package io.jointops.intel.command;
