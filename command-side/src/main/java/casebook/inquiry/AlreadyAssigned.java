package casebook.inquiry;

import casebook.kernel.StateConflict;

/** Handing an inquiry to the officer who already holds it changes nothing. */
public class AlreadyAssigned extends StateConflict {
    public AlreadyAssigned(String officer) {
        super("officer", "the inquiry is already assigned to " + officer);
    }
}
