/** Each agency's watchlist (its entries and their match keys) and its alerts, from the Watchlist events. */
package io.jointops.intel.query.watchlist;
