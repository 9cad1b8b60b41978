/**
 * Evidence files of items and their chain of custody, one mechanism for every service: streamed, sniffed and hashed
 * uploads, content-addressed storage, verified downloads with ranges, and the custody view.
 */
package io.jointops.platform.evidence;
