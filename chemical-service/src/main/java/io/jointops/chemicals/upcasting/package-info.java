/** Upcasters of chemical-service's stored events, each from one revision to the next. */
package io.jointops.chemicals.upcasting;
