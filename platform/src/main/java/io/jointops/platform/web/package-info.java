/** Web conventions of every service: correlation ids, the caller as a parameter, and RFC 9457 problem responses. */
package io.jointops.platform.web;
