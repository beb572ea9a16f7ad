package org.cellwright.solver.input.json;

/**
 * An {@code inputs.json} that cannot be read: the message names the file and the place in it, e.g.
 * {@code run/inputs.json: cell.layers[2].thickness_m: expected a number, found "ten"}.
 */
public class InputsJsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputsJsonException(String message) {
        super(message);
    }

    public InputsJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
