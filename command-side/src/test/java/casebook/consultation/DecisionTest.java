package casebook.consultation;

import static casebook.consultation.ConsultationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.InvalidInput;
import casebook.kernel.consultation.ConsultationStatus;
import casebook.kernel.consultation.command.ApproveUpperLimitConsultation;
import casebook.kernel.consultation.command.RejectUpperLimitConsultation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 承認 with the 上限超過承認額, or 不承認; either is final. */
class DecisionTest {

    private AggregateTestFixture<UpperLimitConsultation> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void theWholeExcessMayBeApproved() {
        fixture.given(opened(), submitted(), reviewed())
                .when(approve(EXCESS))
                .expectEvents(approved(EXCESS))
                .expectState(c -> {
                    assertThat(c.status()).isEqualTo(ConsultationStatus.APPROVED);
                    assertThat(c.approvedExcessAmount()).isEqualTo(EXCESS);
                });
    }

    @Test
    void partOfTheExcessMayBeApproved() {
        fixture.given(opened(), submitted(), reviewed())
                .when(approve(5_000_000L))
                .expectEvents(approved(5_000_000L));
    }

    @Test
    void theApprovedAmountCannotExceedTheExcessAskedFor() {
        fixture.given(opened(), submitted(), reviewed())
                .when(approve(EXCESS + 1))
                .expectNoEvents()
                .expectException(refused(ApprovalAboveExcess.class, "approvedExcessAmount"))
                .expectExceptionMessage("approvedExcessAmount 6160001 exceeds the excess asked for (6160000)");
    }

    @Test
    void theApprovedAmountIsRequiredAndNotNegative() {
        fixture.given(opened(), submitted(), reviewed())
                .when(approve(-1L))
                .expectNoEvents()
                .expectException(refused(InvalidInput.class, "approvedExcessAmount"));
        fixture.given(opened(), submitted(), reviewed())
                .when(approve(null))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "approvedExcessAmount"));
    }

    @Test
    void anApprovalNeedsWhoApprovedAndWhen() {
        fixture.given(opened(), submitted(), reviewed())
                .when(new ApproveUpperLimitConsultation(ID, DECIDED_ON, EXCESS, ""))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "approvedBy"));
        fixture.given(opened(), submitted(), reviewed())
                .when(new ApproveUpperLimitConsultation(ID, null, EXCESS, "課長 佐藤"))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "approvedOn"));
    }

    @Test
    void approvalWaitsForTheReview() {
        fixture.given(opened(), submitted())
                .when(approve(EXCESS))
                .expectNoEvents()
                .expectException(NotAllowedInStatus.class)
                .expectExceptionMessage("approving is not possible while the consultation is SUBMITTED (提出済)");
        fixture.given(opened())
                .when(approve(EXCESS))
                .expectNoEvents()
                .expectException(NotAllowedInStatus.class);
    }

    @Test
    void anApprovalIsFinal() {
        fixture.given(opened(), submitted(), reviewed(), approved(EXCESS))
                .when(approve(1_000_000L))
                .expectNoEvents()
                .expectException(ConsultationDecided.class)
                .expectExceptionMessage("the consultation has been decided (APPROVED 承認)");
        fixture.given(opened(), submitted(), reviewed(), approved(EXCESS))
                .when(reject())
                .expectNoEvents()
                .expectException(ConsultationDecided.class);
    }

    @Test
    void aReviewedConsultationMayBeRejected() {
        fixture.given(opened(), submitted(), reviewed())
                .when(reject())
                .expectEvents(rejected())
                .expectState(c -> assertThat(c.status()).isEqualTo(ConsultationStatus.REJECTED));
    }

    @Test
    void rejectionWaitsForTheReview() {
        fixture.given(opened(), submitted())
                .when(reject())
                .expectNoEvents()
                .expectException(NotAllowedInStatus.class)
                .expectExceptionMessage("rejecting is not possible while the consultation is SUBMITTED (提出済)");
    }

    @Test
    void aRejectionIsFinal() {
        fixture.given(opened(), submitted(), reviewed(), rejected())
                .when(approve(EXCESS))
                .expectNoEvents()
                .expectException(ConsultationDecided.class);
        fixture.given(opened(), submitted(), reviewed(), rejected())
                .when(reject())
                .expectNoEvents()
                .expectException(ConsultationDecided.class);
    }

    @Test
    void aRejectionNeedsAReasonAndADate() {
        fixture.given(opened(), submitted(), reviewed())
                .when(new RejectUpperLimitConsultation(ID, DECIDED_ON, " "))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "reason"));
        fixture.given(opened(), submitted(), reviewed())
                .when(new RejectUpperLimitConsultation(ID, null, "特別な事情に当たらない"))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "rejectedOn"));
    }
}
