/**
 * Commands and events of webhooks, hosted by intel-service: an agency's partner system registers HTTPS endpoints to
 * which every service pushes what that agency's partner feed carries. Never a webhook's signing secret: it is derived
 * from the deployment's key and the webhook's id where it is needed.
 */
package io.jointops.api.webhooks;
