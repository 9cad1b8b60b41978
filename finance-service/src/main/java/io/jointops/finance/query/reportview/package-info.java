/** The transaction report view: what each agency may see of the reports released to it, kept from report events. */
package io.jointops.finance.query.reportview;
