/** The platform's single entry point: routes API calls to the services after checking the token, the rate limit and CORS, and tags every request with a correlation id. */
package io.jointops.gateway;
