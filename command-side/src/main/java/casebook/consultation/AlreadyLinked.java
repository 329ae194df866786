package casebook.consultation;

import casebook.kernel.StateConflict;

/** Each grant case or engagement is linked once. */
public class AlreadyLinked extends StateConflict {
    public AlreadyLinked(String field, String id) {
        super(field, id + " is already linked to this consultation");
    }
}
