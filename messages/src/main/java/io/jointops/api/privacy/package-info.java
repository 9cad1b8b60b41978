/**
 * Erasure of personal data (docs/privacy.md): erasure orders with four-eyes approval, and the erasure events every
 * service and partner follows. The subjects are named here only by their references, never by their identifiers.
 */
package io.jointops.api.privacy;
