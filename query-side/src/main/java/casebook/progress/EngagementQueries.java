package casebook.progress;

import casebook.kernel.engagement.MilestoneKind;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.query.EngagementSummary;
import casebook.kernel.engagement.query.EngagementView;
import casebook.kernel.engagement.query.FindEngagement;
import casebook.kernel.engagement.query.HomeworkView;
import casebook.kernel.engagement.query.ListEngagements;
import casebook.kernel.engagement.query.MatrixColumn;
import casebook.kernel.engagement.query.MatrixView;
import casebook.kernel.engagement.query.MilestoneMatrix;
import casebook.kernel.engagement.query.OpenHomework;
import casebook.kernel.time.FiscalYear;
import casebook.readmodel.KeptAnswers;
import com.mongodb.client.MongoDatabase;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.queryhandling.QueryHandler;

/** Answers the progress queries from the engagement documents and the bureau/fiscal-year buckets. */
public class EngagementQueries {

    private static final Comparator<EngagementSummary> BY_MUNICIPALITY = Comparator
            .comparing(EngagementSummary::municipalityCode, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(EngagementSummary::engagementId);

    private final EngagementRepository engagements;
    private final BucketRepository buckets;
    /** Matrices as last answered: eight bureaus' years and programmes, with room to spare. */
    private final KeptAnswers<MilestoneMatrix, MatrixView> matrices = new KeptAnswers<>(400);

    public EngagementQueries(MongoDatabase db) {
        this.engagements = new EngagementRepository(db);
        this.buckets = new BucketRepository(db);
    }

    /** The engagement's detail, or null when no such engagement is known. */
    @QueryHandler
    public EngagementView find(FindEngagement query) {
        return query.engagementId() == null ? null : engagements.view(query.engagementId());
    }

    @QueryHandler
    public List<EngagementSummary> list(ListEngagements q) {
        return buckets.rows(q.bureau(), q.fiscalYear()).stream()
                .filter(r -> q.programme() == null || q.programme() == r.programme())
                .filter(r -> q.status() == null || q.status() == r.status())
                .sorted(Comparator.comparingInt(EngagementSummary::fiscalYear)
                        .thenComparing(EngagementSummary::bureauCode, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(BY_MUNICIPALITY))
                .toList();
    }

    @QueryHandler
    public MatrixView matrix(MilestoneMatrix q) {
        List<EngagementSummary> all = buckets.rows(q.bureau(), q.fiscalYear());
        return matrices.answer(q, all, () -> matrix(q, all));
    }

    private static MatrixView matrix(MilestoneMatrix q, List<EngagementSummary> all) {
        Programme programme = q.programme() == null ? Programme.KASOKUKA : q.programme();
        List<EngagementSummary> rows = all.stream()
                .filter(r -> r.programme() == programme)
                .sorted(BY_MUNICIPALITY)
                .toList();
        // the template's fixed milestones, plus numbered ones (オンライン支援2) that some row has
        TreeSet<String> keys = new TreeSet<>(Template.order(programme));
        programme.sequence().stream().filter(k -> !programme.repeatable().contains(k)).map(MilestoneKind::name)
                .forEach(keys::add);
        rows.forEach(r -> keys.addAll(r.cells().keySet()));
        String label = q.fiscalYear() != null && FiscalYear.isValid(q.fiscalYear())
                ? new FiscalYear(q.fiscalYear()).label() : null;
        return new MatrixView(q.bureau(), q.fiscalYear(), label, programme,
                keys.stream().map(k -> new MatrixColumn(k, Template.label(programme, k))).toList(),
                rows.stream().map(LiveMatrix::rowOf).toList());
    }

    @QueryHandler
    public List<HomeworkView> openHomework(OpenHomework q) {
        return buckets.rows(q.bureau(), q.fiscalYear()).stream()
                .sorted(BY_MUNICIPALITY)
                .flatMap(r -> r.openHomework() == null ? Stream.empty() : r.openHomework().stream())
                .toList();
    }
}
