/** The pre-export notification aggregate and the controlled-precursor registry it checks substances against. */
package io.jointops.chemicals.command;
