/** The read log of reports labelled TLP:AMBER or stricter: recorded as events, kept as a view, shown to owners and auditors. */
package io.jointops.intel.query.readlog;
