package casebook.inquiry;

import casebook.kernel.StateConflict;

/** One question to the ministry at a time: record its answer before asking again. */
public class AwaitingMinistry extends StateConflict {
    public AwaitingMinistry() {
        super("the inquiry is already with the ministry and awaits its answer");
    }
}
