package casebook.inquiries;

import casebook.kernel.audit.CaseEvent;

/** What a projection of this package knows about its kind of case: which events, how they change it, where it is filed. */
interface CaseModel<S extends CaseState> {

    Class<S> type();

    /** Events of this aggregate; others have projections of their own. */
    boolean handles(CaseEvent event);

    /** The event that creates the case; any other event of an unknown case is ignored. */
    boolean opens(CaseEvent event);

    S fresh();

    /** Changes the state in memory; must not depend on the day (ages are worked out when read). */
    void apply(S state, CaseEvent event);

    /** The _id of the bucket document listing the case. */
    String bucketOf(S state);

    /** The case's small list row, always rebuilt whole so that rewriting it is idempotent. */
    Object rowOf(S state);
}
