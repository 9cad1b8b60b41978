/** The view of freeze requests: each request's folded record, and the amounts per case and country pair. */
package io.jointops.finance.query.freezeview;
