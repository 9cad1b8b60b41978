/** The joint case aggregate: who leads, who takes part, what is linked. Decides every change to a case. */
package io.jointops.cases.command;
