package io.jointops.identifiers;

/**
 * A value that cannot be an identifier of its kind, with a sentence for the person who wrote it.
 * {@link #part()} says whether the value or the country given with it is at fault, so an API names the right field.
 */
public class InvalidIdentifierException extends IllegalArgumentException {

    /** What is wrong: the value itself, or the country given to read it (phone numbers). */
    public enum Part {
        VALUE, COUNTRY
    }

    private final Part part;

    InvalidIdentifierException(Part part, String message) {
        super(message);
        this.part = part;
    }

    InvalidIdentifierException(String message) {
        this(Part.VALUE, message);
    }

    public Part part() {
        return part;
    }
}
