package casebook.inquiries;

import casebook.kernel.consultation.query.ConsultationList;
import casebook.kernel.consultation.query.ConsultationSummary;
import casebook.kernel.consultation.query.ConsultationView;
import casebook.kernel.consultation.query.FindConsultation;
import casebook.kernel.reference.Bureau;
import casebook.kernel.reference.ReferenceData;
import casebook.kernel.time.FiscalYear;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;

/** Answers the individual consultation queries from the consultation documents and the bureau/fiscal-year buckets. */
public class ConsultationQueries {

    private static final Comparator<ConsultationSummary> BY_CONSULTATION = Comparator
            .comparingInt(ConsultationSummary::fiscalYear)
            .thenComparing(ConsultationSummary::bureauCode, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ConsultationSummary::municipalityCode, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ConsultationSummary::id);

    private final CaseRepository<ConsultationState> cases;
    private final Buckets buckets;

    public ConsultationQueries(MongoDatabase db) {
        this.cases = new CaseRepository<>(db, ConsultationProjection.COLLECTION, ConsultationModel.INSTANCE);
        this.buckets = new Buckets(db, ConsultationProjection.BUCKETS, ConsultationProjection.ROWS);
    }

    /** The consultation's detail, or null when no such consultation is known. */
    @QueryHandler
    public ConsultationView find(FindConsultation query) {
        return query.consultationId() == null ? null : cases.view(query.consultationId(), ConsultationView.class);
    }

    /** Consultations of one bucket (bureau and year), of eight (year only), of one bureau's years, or of all. */
    @QueryHandler
    public List<ConsultationSummary> list(ConsultationList query) {
        if (query.fiscalYear() != null && !FiscalYear.isValid(query.fiscalYear())) {
            return List.of();
        }
        List<String> bureaus = query.bureau() != null ? List.of(query.bureau())
                : ReferenceData.get().bureaus().stream().map(Bureau::code).distinct().toList();
        List<String> bucketIds = new ArrayList<>();
        for (String bureau : bureaus) {
            if (query.fiscalYear() != null) {
                bucketIds.add(ConsultationModel.bucketId(bureau, query.fiscalYear()));
            } else {
                for (int fy = FiscalYear.EARLIEST; fy <= FiscalYear.LATEST; fy++) {
                    bucketIds.add(ConsultationModel.bucketId(bureau, fy));
                }
            }
        }
        return buckets.read(bucketIds, ConsultationSummary.class).stream().sorted(BY_CONSULTATION).toList();
    }
}
