package casebook.progress;

import casebook.kernel.engagement.query.EngagementSummary;
import casebook.kernel.engagement.query.HomeworkStatus;
import casebook.kernel.engagement.query.HomeworkView;
import casebook.kernel.engagement.query.MatrixCell;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An engagement's row in its bucket, always rebuilt whole from the engagement so that rewriting it is idempotent. */
final class SummaryRow {

    private SummaryRow() {
    }

    static EngagementSummary of(Engagement e) {
        Map<String, MatrixCell> cells = new LinkedHashMap<>();
        e.milestones.forEach(m -> cells.put(m.key,
                new MatrixCell(m.plannedOn, m.plannedPeriod, m.heldOn, m.startTime, m.endTime, m.status)));
        List<HomeworkView> open = e.homework.stream()
                .filter(h -> h.status == HomeworkStatus.OPEN)
                .map(h -> new HomeworkView(e.id, e.municipalityCode, e.municipalityName, h.itemId, h.description,
                        h.owner, h.dueBefore, Template.label(e.programme, h.dueBefore), h.dueOn))
                .toList();
        return new EngagementSummary(e.id, e.bureauCode, e.fiscalYear, e.municipalityCode, e.municipalityName,
                e.programme, e.engagementType, e.status, e.statusLabel, e.nextMilestone, cells, open);
    }
}
