package casebook.inquiry;

import casebook.kernel.StateConflict;

/** A closed inquiry takes no further steps until it is reopened. */
public class InquiryIsClosed extends StateConflict {
    public InquiryIsClosed(String what) {
        super(what + " is not possible: the inquiry is closed (reopen it first)");
    }
}
