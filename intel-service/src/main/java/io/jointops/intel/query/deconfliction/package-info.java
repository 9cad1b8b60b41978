/** Each agency's deconfliction notices, from the Deconfliction events: its inbox. */
package io.jointops.intel.query.deconfliction;
