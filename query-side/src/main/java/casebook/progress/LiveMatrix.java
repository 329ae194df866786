package casebook.progress;

import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.query.EngagementSummary;
import casebook.kernel.engagement.query.MatrixRow;
import casebook.kernel.engagement.query.MilestoneMatrix;

/** Which open matrices show an engagement's row, and the row as they show it. */
final class LiveMatrix {

    private LiveMatrix() {
    }

    static boolean shows(MilestoneMatrix matrix, EngagementSummary row) {
        Programme programme = matrix.programme() == null ? Programme.KASOKUKA : matrix.programme();
        return programme == row.programme()
                && (matrix.bureau() == null || matrix.bureau().equals(row.bureauCode()))
                && (matrix.fiscalYear() == null || matrix.fiscalYear() == row.fiscalYear());
    }

    static MatrixRow rowOf(EngagementSummary row) {
        return new MatrixRow(row.engagementId(), row.municipalityCode(), row.municipalityName(), row.cells());
    }
}
