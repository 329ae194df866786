package casebook.grant;

import static casebook.grant.GrantFixtures.*;

import casebook.authorship.NotYourRecord;
import casebook.kernel.grant.ProcedureKind;
import casebook.kernel.grant.event.GrantRecordCorrected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 訂正 of others' records is a supervisor's, for grant cases as for engagements. Events 0 opened and 1 当初交付
 * opened by the officer, 2 the 示達 recorded by whoever a test says.
 */
class GrantCorrectionAuthorshipTest {

    private static final GrantRecordCorrected CORRECTED = new GrantRecordCorrected(ID, 2, INITIAL_ID,
            "GrantStepRecorded", amountCorrection(10_500_000L), "示達額の誤記", CORRECTED_ON);

    private AggregateTestFixture<GrantCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void anOfficerCorrectsTheirOwnStep() {
        fixture.given(recordedBy(OFFICER, opened()), recordedBy(OFFICER, procedure(ProcedureKind.INITIAL)),
                        recordedBy(OFFICER, authorised()))
                .when(correct(2, amountCorrection(10_500_000L)), sentBy(OFFICER, "CASE_OFFICER"))
                .expectEvents(CORRECTED);
    }

    @Test
    void anOfficerMayNotCorrectAStepSomeoneElseRecorded() {
        fixture.given(recordedBy(OFFICER, opened()), recordedBy(OFFICER, procedure(ProcedureKind.INITIAL)),
                        recordedBy(SUPERVISOR, authorised()))
                .when(correct(2, amountCorrection(10_500_000L)), sentBy(OFFICER, "CASE_OFFICER"))
                .expectNoEvents()
                .expectException(rejected(NotYourRecord.class, "correctsEvent"));
    }

    @Test
    void aSupervisorCorrectsAnOfficersStep() {
        fixture.given(recordedBy(OFFICER, opened()), recordedBy(OFFICER, procedure(ProcedureKind.INITIAL)),
                        recordedBy(OFFICER, authorised()))
                .when(correct(2, amountCorrection(10_500_000L)), sentBy(SUPERVISOR, "SUPERVISOR"))
                .expectEvents(CORRECTED);
    }
}
