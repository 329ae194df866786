package casebook.inquiry;

import casebook.kernel.StateConflict;

/** A ministry answer is recorded only for a question put to the ministry and not yet answered. */
public class NotEscalated extends StateConflict {
    public NotEscalated() {
        super("the inquiry has no question with the ministry awaiting an answer");
    }
}
