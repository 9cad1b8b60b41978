/** The read side of chemical-service: one package per view, and the document table several views share. */
package io.jointops.chemicals.query;
