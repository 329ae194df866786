package casebook.authorship;

import casebook.kernel.NotPermitted;

/** A case officer tried to correct an event someone else recorded; that is a supervisor's to correct. */
public class NotYourRecord extends NotPermitted {
    public NotYourRecord(long seq, String author) {
        super("correctsEvent", "event " + seq + " was recorded by " + (author == null ? "someone else" : author)
                + "; only a supervisor may correct another person's record");
    }
}
