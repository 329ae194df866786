package casebook.engagement;

import casebook.kernel.engagement.CorrectedFields;

/**
 * An advisor (アドバイザー) on the support team, as assigned.
 *
 * @param assignedSeq sequence number of the AdvisorAssigned event, so that a correction of an earlier assignment
 *                    (before an unassign and re-assign) leaves the current one alone
 */
record Advisor(String advisorId, String name, String affiliation, String title, long assignedSeq) {

    Advisor withCorrections(CorrectedFields f) {
        return new Advisor(advisorId, f.name() != null ? f.name() : name,
                f.affiliation() != null ? f.affiliation() : affiliation, f.title() != null ? f.title() : title,
                assignedSeq);
    }
}
