package casebook.engagement;

import casebook.kernel.UnknownReference;

/** The advisor is not (or no longer) on this engagement's support team. */
public class UnknownAdvisor extends UnknownReference {
    public UnknownAdvisor(String advisorId) {
        super("advisorId", "advisor " + advisorId + " is not assigned to this engagement");
    }
}
