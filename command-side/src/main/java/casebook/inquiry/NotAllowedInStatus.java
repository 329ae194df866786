package casebook.inquiry;

import casebook.kernel.StateConflict;
import casebook.kernel.inquiry.InquiryStatus;

/** A step asked for out of order, e.g. closing an inquiry nobody has answered. */
public class NotAllowedInStatus extends StateConflict {
    public NotAllowedInStatus(String what, InquiryStatus status) {
        super(what + " is not possible while the inquiry is " + status + " (" + status.label() + ")");
    }
}
