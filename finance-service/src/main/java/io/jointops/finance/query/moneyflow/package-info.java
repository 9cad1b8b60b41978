/**
 * The money-flow graph: one edge per reported transaction between resolved account or wallet nodes, visible per
 * report, and "follow the money" over it hop by hop.
 */
package io.jointops.finance.query.moneyflow;
