/**
 * Commands and events of financial intelligence, owned by finance-service: goAML-style suspicious transaction
 * reports with their transactions, assets identified for cases (Silver Notice categories), and freeze requests.
 */
package io.jointops.api.finance;
