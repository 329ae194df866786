package casebook.consultation;

import static casebook.consultation.ConsultationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.consultation.ConsultationStatus;
import casebook.kernel.consultation.command.ReviewUpperLimitConsultation;
import casebook.kernel.consultation.command.SubmitUpperLimitConsultation;
import casebook.kernel.consultation.event.IndividualConsultationReviewed;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 都道府県経由の提出 and the bureau's review (審査・助言). */
class SubmitAndReviewTest {

    private AggregateTestFixture<UpperLimitConsultation> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void yuzawaSubmitsViaAkita() {
        fixture.given(opened())
                .when(submit(AKITA))
                .expectEvents(submitted())
                .expectState(c -> assertThat(c.status()).isEqualTo(ConsultationStatus.SUBMITTED));
    }

    @Test
    void anotherPrefectureCannotSubmitIt() {
        fixture.given(opened())
                .when(submit(TOKUSHIMA))
                .expectNoEvents()
                .expectException(refused(NotTheMunicipalitysPrefecture.class, "prefectureCode"))
                .expectExceptionMessage("360007 (徳島県) is not the prefecture of 湯沢市; submit via 050008 (秋田県)");
    }

    @Test
    void anUnknownPrefectureCannotSubmitIt() {
        fixture.given(opened())
                .when(submit(UNKNOWN))
                .expectNoEvents()
                .expectException(refused(NotTheMunicipalitysPrefecture.class, "prefectureCode"));
    }

    @Test
    void submittingNeedsThePrefectureAndTheDate() {
        fixture.given(opened())
                .when(submit(null))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "prefectureCode"));
        fixture.given(opened())
                .when(new SubmitUpperLimitConsultation(ID, null, AKITA))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "submittedOn"));
    }

    @Test
    void aConsultationIsSubmittedOnce() {
        fixture.given(opened(), submitted())
                .when(submit(AKITA))
                .expectNoEvents()
                .expectException(NotAllowedInStatus.class)
                .expectExceptionMessage("submitting is not possible while the consultation is SUBMITTED (提出済)");
    }

    @Test
    void aDecidedConsultationIsNotSubmittedAgain() {
        fixture.given(opened(), submitted(), reviewed(), approved(EXCESS))
                .when(submit(AKITA))
                .expectNoEvents()
                .expectException(ConsultationDecided.class);
    }

    @Test
    void theBureauReviewsASubmittedConsultation() {
        fixture.given(opened(), submitted())
                .when(review())
                .expectEvents(reviewed())
                .expectState(c -> assertThat(c.status()).isEqualTo(ConsultationStatus.REVIEWED));
    }

    @Test
    void aSecondRoundOfAdviceIsAllowedBeforeTheDecision() {
        LocalDate on = LocalDate.of(2024, 12, 2);
        fixture.given(opened(), submitted(), reviewed())
                .when(new ReviewUpperLimitConsultation(ID, on, "officer-tohoku", null))
                .expectEvents(new IndividualConsultationReviewed(ID, on, "officer-tohoku", null, on));
    }

    @Test
    void anUnsubmittedConsultationIsNotReviewed() {
        fixture.given(opened())
                .when(review())
                .expectNoEvents()
                .expectException(NotAllowedInStatus.class)
                .expectExceptionMessage("reviewing is not possible while the consultation is OPENED (作成中)");
    }

    @Test
    void aDecidedConsultationIsNotReviewed() {
        fixture.given(opened(), submitted(), reviewed(), rejected())
                .when(review())
                .expectNoEvents()
                .expectException(ConsultationDecided.class)
                .expectExceptionMessage("the consultation has been decided (REJECTED 不承認)");
    }

    @Test
    void aReviewNeedsTheReviewerAndTheDate() {
        fixture.given(opened(), submitted())
                .when(new ReviewUpperLimitConsultation(ID, REVIEWED_ON, " ", "所見"))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "reviewer"));
        fixture.given(opened(), submitted())
                .when(new ReviewUpperLimitConsultation(ID, null, "officer-tohoku", "所見"))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "reviewedOn"));
    }
}
