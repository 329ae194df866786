package casebook.web.audit;

import casebook.kernel.audit.query.TimelineEntry;
import casebook.kernel.engagement.MilestoneKind;
import casebook.kernel.engagement.MilestoneSlot;
import casebook.kernel.engagement.Programme;
import casebook.web.audit.ControlReport.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of the control report, applied to the timelines of cases (their events as the audit trail
 * holds them, corrections included). Each rule counts what it checked and lists what breaks it.
 */
final class ControlChecks {

    static final String DECISION_AFTER_AUTHORITY = "DECISION_AFTER_AUTHORITY";
    static final String DECISION_WITHIN_AUTHORISED = "DECISION_WITHIN_AUTHORISED";
    static final String REVIEWER_NOT_APPROVER = "REVIEWER_NOT_APPROVER";
    static final String CORRECTIONS_WITH_REASON = "CORRECTIONS_WITH_REASON";
    static final String MILESTONES_IN_ORDER = "MILESTONES_IN_ORDER";

    /** Per rule: how many things were checked, and the violations. */
    final Map<String, int[]> checked = new HashMap<>();
    final Map<String, List<Violation>> violations = new HashMap<>();

    private void count(String rule) {
        checked.computeIfAbsent(rule, r -> new int[1])[0]++;
    }

    private void violate(String rule, String caseId, long seq, String detail) {
        violations.computeIfAbsent(rule, r -> new ArrayList<>()).add(new Violation(caseId, seq, detail));
    }

    void check(String caseId, List<TimelineEntry> timeline) {
        Map<Long, Map<String, Object>> bySeq = new HashMap<>();
        Map<String, Long> authorised = new HashMap<>();
        Map<String, String> reviewer = new HashMap<>();
        Set<String> settled = new HashSet<>();
        Programme programme = null;
        String consultationReviewer = null;
        for (TimelineEntry e : timeline) {
            Map<String, Object> p = e.payload();
            bySeq.put(e.seq(), p);
            switch (e.type()) {
                case "EngagementRegistered" -> programme = Programme.valueOf((String) p.get("programme"));
                case "MilestoneHeld" -> {
                    String key = (String) p.get("milestone");
                    if (programme != null) {
                        count(MILESTONES_IN_ORDER);
                        MilestoneSlot slot = MilestoneSlot.parse(key, programme).orElse(null);
                        if (slot != null && programme.sequence().contains(slot.kind()) && !programme.repeatable().contains(slot.kind())) {
                            for (MilestoneKind earlier : programme.sequence().subList(0, programme.sequence().indexOf(slot.kind()))) {
                                if (!programme.repeatable().contains(earlier) && !settled.contains(earlier.name())) {
                                    violate(MILESTONES_IN_ORDER, caseId, e.seq(), key + " held before " + earlier.name()
                                            + " was held, cancelled or skipped");
                                    break;
                                }
                            }
                        }
                    }
                    settled.add(key);
                }
                case "MilestoneCancelled", "MilestoneSkipped" -> settled.add((String) p.get("milestone"));
                case "GrantStepRecorded" -> grantStep(caseId, e, p, authorised, reviewer);
                case "IndividualConsultationReviewed" -> consultationReviewer = (String) p.get("reviewer");
                case "IndividualConsultationApproved" -> {
                    count(REVIEWER_NOT_APPROVER);
                    if (consultationReviewer != null && consultationReviewer.equals(p.get("approvedBy"))) {
                        violate(REVIEWER_NOT_APPROVER, caseId, e.seq(), "reviewed and approved by " + consultationReviewer);
                    }
                }
                default -> {
                }
            }
            if (e.type().endsWith("Corrected")) {
                count(CORRECTIONS_WITH_REASON);
                Object reason = p.get("reason");
                if (reason == null || reason.toString().isBlank()) {
                    violate(CORRECTIONS_WITH_REASON, caseId, e.seq(), "correction without a reason");
                }
            }
        }
    }

    private void grantStep(String caseId, TimelineEntry e, Map<String, Object> p, Map<String, Long> authorised,
                           Map<String, String> reviewer) {
        String procedure = (String) p.get("procedureId");
        String step = (String) p.get("step");
        Long amount = p.get("amount") instanceof Number n ? n.longValue() : null;
        switch (step) {
            case "EXPENDITURE_AUTHORITY_RECEIVED" -> authorised.put(procedure, amount);
            case "REVIEWED" -> reviewer.put(procedure, e.actor());
            case "DECISION_APPROVED" -> {
                count(DECISION_AFTER_AUTHORITY);
                count(DECISION_WITHIN_AUTHORISED);
                if (!authorised.containsKey(procedure)) {
                    violate(DECISION_AFTER_AUTHORITY, caseId, e.seq(), "交付決定決裁 without a prior 支出負担行為示達");
                } else if (amount != null && authorised.get(procedure) != null && amount > authorised.get(procedure)) {
                    violate(DECISION_WITHIN_AUTHORISED, caseId, e.seq(), "decided " + amount + " above authorised "
                            + authorised.get(procedure));
                }
                if (reviewer.containsKey(procedure)) {
                    count(REVIEWER_NOT_APPROVER);
                    if (reviewer.get(procedure) != null && reviewer.get(procedure).equals(e.actor())) {
                        violate(REVIEWER_NOT_APPROVER, caseId, e.seq(), "reviewed and approved by " + e.actor());
                    }
                }
            }
            default -> {
            }
        }
    }
}
