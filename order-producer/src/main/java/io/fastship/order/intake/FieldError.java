package io.fastship.order.intake;

/**
 * One reason a request was refused, pointing at the offending member of the body.
 *
 * @param pointer RFC 6901 JSON Pointer into the request body, e.g. {@code /items/2/quantity}; empty for the whole body
 * @param detail what is wrong and what is expected
 */
public record FieldError(String pointer, String detail) {

    /** The dotted field name ({@code items[2].quantity}) for clients that prefer it to a pointer. */
    public String field() {
        if (pointer.isEmpty()) {
            return "";
        }
        StringBuilder field = new StringBuilder();
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                field.append('[').append(name).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(name);
            }
        }
        return field.toString();
    }
}
