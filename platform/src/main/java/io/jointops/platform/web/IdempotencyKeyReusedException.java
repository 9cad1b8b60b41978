package io.jointops.platform.web;

/**
 * An {@code Idempotency-Key} the caller already used for another request: answered 422, naming the header, and
 * nothing is created (the key names the item the first request created).
 */
final class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used for a different request; a new request needs a new key.");
    }
}
