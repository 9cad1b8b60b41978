package io.jointops.platform.web;

/** Bad input the web layer finds itself, named by its field or header. Answered with 400. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
