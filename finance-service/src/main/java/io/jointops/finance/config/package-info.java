/** finance-service's own configuration: freeze expiry rules per receiving country, and the request size limit. */
package io.jointops.finance.config;
