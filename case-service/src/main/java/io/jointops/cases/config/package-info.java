/** The service's own configuration: the response-time policy of cooperation requests. */
package io.jointops.cases.config;
