package casebook.inquiries;

import casebook.kernel.inquiry.InquiryStatus;
import casebook.kernel.inquiry.query.FindInquiry;
import casebook.kernel.inquiry.query.InquiryInbox;
import casebook.kernel.inquiry.query.InquirySummary;
import casebook.kernel.inquiry.query.InquiryView;
import casebook.kernel.reference.Bureau;
import casebook.kernel.reference.ReferenceData;
import casebook.kernel.time.BusinessCalendar;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers the inquiry queries from the inquiry documents and the per-bureau open/closed buckets. The inbox age is
 * worked out here, with today in Asia/Tokyo from the clock.
 */
public class InquiryQueries {

    private static final Comparator<InquirySummary> OLDEST_FIRST = Comparator
            .comparing(InquirySummary::receivedOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(InquirySummary::id);

    private final CaseRepository<InquiryState> cases;
    private final Buckets buckets;
    private final Clock clock;

    public InquiryQueries(MongoDatabase db, Clock clock) {
        this.cases = new CaseRepository<>(db, InquiryProjection.COLLECTION, InquiryModel.INSTANCE);
        this.buckets = new Buckets(db, InquiryProjection.BUCKETS, InquiryProjection.ROWS);
        this.clock = clock;
    }

    /** The inquiry's detail, or null when no such inquiry is known. */
    @QueryHandler
    public InquiryView find(FindInquiry query) {
        return query.inquiryId() == null ? null : cases.view(query.inquiryId(), InquiryView.class);
    }

    /** The bureau's inquiries (every bureau's when none is named), oldest received first, aged as of today. */
    @QueryHandler
    public List<InquirySummary> inbox(InquiryInbox query) {
        List<String> bureaus = query.bureau() != null ? List.of(query.bureau())
                : ReferenceData.get().bureaus().stream().map(Bureau::code).distinct().toList();
        List<String> bucketIds = new ArrayList<>();
        for (String bureau : bureaus) {
            bucketIds.add(InquiryModel.bucketId(bureau, false));
            if (query.includeClosed()) {
                bucketIds.add(InquiryModel.bucketId(bureau, true));
            }
        }
        LocalDate today = BusinessCalendar.today(clock);
        return buckets.read(bucketIds, InquiryRow.class).stream()
                .filter(r -> query.includeClosed() || r.status() != InquiryStatus.CLOSED)
                .map(r -> r.asOf(today))
                .sorted(OLDEST_FIRST)
                .toList();
    }
}
