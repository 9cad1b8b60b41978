/**
 * The aggregates of financial intelligence (suspicious transaction reports, identified assets, freeze requests) and
 * the value checks they share with the web layer: IBAN, currency, country, wallet, entity resolution, expiry rules.
 */
package io.jointops.finance.command;
