/**
 * Personal data that can be erased without breaking the signed history (crypto-shredding): the personal fields of
 * events are stored encrypted with a key of their data subject, and destroying the key erases them (docs/privacy.md).
 */
package io.jointops.platform.privacy;
