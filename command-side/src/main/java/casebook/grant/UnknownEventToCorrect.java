package casebook.grant;

import casebook.kernel.UnknownReference;

/** A correction names its target by sequence number; it must be one of this case's events. */
public class UnknownEventToCorrect extends UnknownReference {
    public UnknownEventToCorrect(long correctsEvent, long nextSequence) {
        super("correctsEvent", "this grant case has no event " + correctsEvent + " (its events are 0 to "
                + (nextSequence - 1) + ")");
    }
}
