/** The services' OpenAPI documents: what they show of the platform's own arguments and endpoints. */
package io.jointops.platform.openapi;
