/** The view of assets identified for cases (Silver Notice categories): one row per asset, totals per case. */
package io.jointops.finance.query.assetview;
