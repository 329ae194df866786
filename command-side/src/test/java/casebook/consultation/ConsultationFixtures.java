package casebook.consultation;

import casebook.kernel.DomainRejection;
import casebook.kernel.consultation.CapInputs;
import casebook.kernel.consultation.ConsultationReason;
import casebook.kernel.consultation.LinkKind;
import casebook.kernel.consultation.command.ApproveUpperLimitConsultation;
import casebook.kernel.consultation.command.OpenUpperLimitConsultation;
import casebook.kernel.consultation.command.RejectUpperLimitConsultation;
import casebook.kernel.consultation.command.ReviewUpperLimitConsultation;
import casebook.kernel.consultation.command.SubmitUpperLimitConsultation;
import casebook.kernel.consultation.event.ConsultationLinked;
import casebook.kernel.consultation.event.IndividualConsultationApproved;
import casebook.kernel.consultation.event.IndividualConsultationOpened;
import casebook.kernel.consultation.event.IndividualConsultationRejected;
import casebook.kernel.consultation.event.IndividualConsultationReviewed;
import casebook.kernel.consultation.event.IndividualConsultationSubmitted;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * A 個別協議 of 湯沢市 (秋田県, Tohoku) for FY2024 (令和6年度) after the July 2024 heavy rain: cap ¥123,840,000
 * (¥120,000,000 × 1.032), planned ¥130,000,000, excess ¥6,160,000. So tests read as the domain:
 * {@code given(opened(), submitted(), reviewed()).when(approve(5_000_000L))}.
 */
final class ConsultationFixtures {

    static final String ID = "ulc-yuzawa-2024";
    static final int FY = 2024;
    static final String YUZAWA = "052078";
    static final String AKITA = "050008";
    static final String KAMIKATSU = "363022";
    static final String TOKUSHIMA = "360007";
    static final String UNKNOWN = "999999";

    static final long BASELINE = 120_000_000L;
    static final BigDecimal GROWTH = new BigDecimal("1.032");
    static final long CAP = 123_840_000L;
    static final long PLANNED = 130_000_000L;
    static final long EXCESS = 6_160_000L;
    static final CapInputs CAP_INPUTS = new CapInputs(BASELINE, GROWTH, CAP);
    static final String DETAIL = "令和6年7月豪雨で通所型サービスの臨時拠点を運営";

    static final LocalDate OPENED_ON = LocalDate.of(2024, 9, 2);
    static final LocalDate SUBMITTED_ON = LocalDate.of(2024, 10, 15);
    static final LocalDate REVIEWED_ON = LocalDate.of(2024, 11, 20);
    static final LocalDate DECIDED_ON = LocalDate.of(2024, 12, 18);
    static final LocalDate TODAY = LocalDate.of(2025, 1, 10);

    private ConsultationFixtures() {
    }

    static AggregateTestFixture<UpperLimitConsultation> fixture() {
        return new AggregateTestFixture<>(UpperLimitConsultation.class);
    }

    // ------------------------------------------------------------------ events

    static IndividualConsultationOpened opened() {
        return new IndividualConsultationOpened(ID, YUZAWA, "湯沢市", AKITA, "tohoku", FY, CAP_INPUTS, PLANNED, EXCESS,
                ConsultationReason.DISASTER, DETAIL, OPENED_ON);
    }

    static IndividualConsultationSubmitted submitted() {
        return new IndividualConsultationSubmitted(ID, SUBMITTED_ON, AKITA, "秋田県", SUBMITTED_ON);
    }

    static IndividualConsultationReviewed reviewed() {
        return new IndividualConsultationReviewed(ID, REVIEWED_ON, "officer-tohoku", "災害関連経費の内訳を確認", REVIEWED_ON);
    }

    static IndividualConsultationApproved approved(long amount) {
        return new IndividualConsultationApproved(ID, DECIDED_ON, amount, "課長 佐藤", DECIDED_ON);
    }

    static IndividualConsultationRejected rejected() {
        return new IndividualConsultationRejected(ID, DECIDED_ON, "特別な事情に当たらない", DECIDED_ON);
    }

    static ConsultationLinked linked(LinkKind kind, String id) {
        return new ConsultationLinked(ID, kind, id, TODAY);
    }

    // ------------------------------------------------------------------ commands

    static OpenUpperLimitConsultation open(String municipalityCode) {
        return open(municipalityCode, CAP_INPUTS, PLANNED, EXCESS);
    }

    static OpenUpperLimitConsultation open(String municipalityCode, CapInputs cap, Long planned, Long excess) {
        return new OpenUpperLimitConsultation(ID, municipalityCode, FY, cap, planned, excess, ConsultationReason.DISASTER,
                DETAIL, OPENED_ON);
    }

    static OpenUpperLimitConsultation openWithReason(ConsultationReason reason, String detail) {
        return new OpenUpperLimitConsultation(ID, YUZAWA, FY, CAP_INPUTS, PLANNED, EXCESS, reason, detail, OPENED_ON);
    }

    static SubmitUpperLimitConsultation submit(String prefectureCode) {
        return new SubmitUpperLimitConsultation(ID, SUBMITTED_ON, prefectureCode);
    }

    static ReviewUpperLimitConsultation review() {
        return new ReviewUpperLimitConsultation(ID, REVIEWED_ON, "officer-tohoku", "災害関連経費の内訳を確認");
    }

    static ApproveUpperLimitConsultation approve(Long amount) {
        return new ApproveUpperLimitConsultation(ID, DECIDED_ON, amount, "課長 佐藤");
    }

    static RejectUpperLimitConsultation reject() {
        return new RejectUpperLimitConsultation(ID, DECIDED_ON, "特別な事情に当たらない");
    }

    // ------------------------------------------------------------------ helpers

    /** Matches a rejection of the given type that names the given field. */
    static Matcher<Throwable> refused(Class<? extends DomainRejection> type, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return type.isInstance(t) && java.util.Objects.equals(field, ((DomainRejection) t).field());
            }

            @Override
            public void describeTo(Description d) {
                d.appendText(type.getSimpleName() + " on field " + field);
            }

            @Override
            protected void describeMismatchSafely(Throwable t, Description d) {
                d.appendText("was " + t + (t instanceof DomainRejection r ? " on field " + r.field() : ""));
            }
        };
    }
}
