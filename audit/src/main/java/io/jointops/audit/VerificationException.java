package io.jointops.audit;

/** A bundle failed verification; the message says what does not hold, and where. */
public class VerificationException extends Exception {

    public VerificationException(String message) {
        super(message);
    }
}
