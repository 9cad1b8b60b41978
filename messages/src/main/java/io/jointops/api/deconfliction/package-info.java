/**
 * Commands and events of deconfliction, hosted by intel-service: notices that another agency holds an item naming the
 * same person, company, phone, account or wallet (never which item, nor its content), and each agency's watchlist
 * and the alerts it raises when an item released to the agency names an entry.
 */
package io.jointops.api.deconfliction;
