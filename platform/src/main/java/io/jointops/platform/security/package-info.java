/** Every service is a resource server of the jointops realm; the caller's agency comes from the token only. */
package io.jointops.platform.security;
