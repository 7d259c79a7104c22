package io.ltvcascade.model.promotion;

/** A promotion policy that cannot be used; {@link #field()} names the offending field of its JSON form. */
public class InvalidPolicyException extends IllegalArgumentException {

    private final String field;

    public InvalidPolicyException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
