package casebook.engagement;

import casebook.kernel.StateConflict;
import casebook.kernel.engagement.Programme;

/** A step that only some programmes have, e.g. the entry sheet of 加速化. */
public class NotForProgramme extends StateConflict {
    public NotForProgramme(String what, Programme programme) {
        super(what + " does not exist in " + programme + " (" + programme.label() + ")");
    }
}
