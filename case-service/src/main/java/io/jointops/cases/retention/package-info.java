/** Retention of personal data: items whose period ran out are erased unless an open case holds their subjects. */
package io.jointops.cases.retention;
