package casebook.web;

import casebook.kernel.DomainRejection;

/** An id in the path that names no case. */
public class NotFound extends DomainRejection {
    public NotFound(String what) {
        super(Kind.NOT_FOUND, null, "unknown " + what);
    }
}
