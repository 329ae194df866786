package casebook.engagement;

import static casebook.engagement.EngagementFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.authorship.NotYourRecord;
import casebook.kernel.DomainRejection;
import casebook.kernel.engagement.event.EngagementRecordCorrected;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 訂正 of others' records is a supervisor's: a case officer corrects only the events they recorded themselves. Events
 * 0 registered and 1 selected by the officer, 2 the kick-off held, recorded by whoever a test says.
 */
class CorrectionAuthorshipTest {

    private static final LocalDate AUG_6 = LocalDate.of(2024, 8, 6);
    private static final EngagementRecordCorrected CORRECTED = new EngagementRecordCorrected(ID, 2, "MilestoneHeld",
            heldOnCorrection(AUG_6), "日付の誤記", LocalDate.of(2025, 2, 1));

    private AggregateTestFixture<SupportEngagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void anOfficerCorrectsTheirOwnRecord() {
        fixture.given(recordedBy(OFFICER, registered()), recordedBy(OFFICER, selected()), recordedBy(OFFICER, held(M0_5)))
                .when(correct(2, heldOnCorrection(AUG_6)), sentBy(OFFICER, "CASE_OFFICER"))
                .expectEvents(CORRECTED);
    }

    @Test
    void anOfficerMayNotCorrectWhatSomeoneElseRecorded() {
        fixture.given(recordedBy(OFFICER, registered()), recordedBy(OFFICER, selected()), recordedBy(SUPERVISOR, held(M0_5)))
                .when(correct(2, heldOnCorrection(AUG_6)), sentBy(OFFICER, "CASE_OFFICER"))
                .expectNoEvents()
                .expectException(rejected(NotYourRecord.class, "correctsEvent"))
                .expectExceptionMessage("event 2 was recorded by supervisor-kyushu; only a supervisor may correct another "
                        + "person's record");
        fixture.given(recordedBy(OFFICER, registered()), recordedBy(OFFICER, selected()), recordedBy(OTHER_OFFICER, held(M0_5)))
                .when(correct(2, heldOnCorrection(AUG_6)), sentBy(OFFICER, "CASE_OFFICER"))
                .expectNoEvents()
                .expectException(NotYourRecord.class);
    }

    @Test
    void aRecordOfUnknownAuthorshipIsSomeoneElses() {
        fixture.given(registered(), selected(), held(M0_5))
                .when(correct(2, heldOnCorrection(AUG_6)), sentBy(OFFICER, "CASE_OFFICER"))
                .expectNoEvents()
                .expectException(NotYourRecord.class);
    }

    @Test
    void aSupervisorCorrectsAnOfficersRecord() {
        fixture.given(recordedBy(OFFICER, registered()), recordedBy(OFFICER, selected()), recordedBy(OFFICER, held(M0_5)))
                .when(correct(2, heldOnCorrection(AUG_6)), sentBy(SUPERVISOR, "SUPERVISOR"))
                .expectEvents(CORRECTED);
    }

    @Test
    void theRefusalIsAForbiddenNotABadRequest() {
        fixture.given(recordedBy(SUPERVISOR, registered()), recordedBy(SUPERVISOR, selected()),
                        recordedBy(SUPERVISOR, held(M0_5)))
                .when(correct(2, heldOnCorrection(AUG_6)), sentBy(OFFICER, "CASE_OFFICER"))
                .expectException(forbidden());
    }

    private static Matcher<Throwable> forbidden() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof DomainRejection r && r.kind() == DomainRejection.Kind.FORBIDDEN;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rejection of kind FORBIDDEN (403)");
            }
        };
    }

    @Test
    void theAuthorsAreKnownToTheCaseAsItIsRebuilt() {
        fixture.given(recordedBy(OFFICER, registered()), recordedBy(SUPERVISOR, selected()))
                .when(correct(1, selectedOnCorrection(LocalDate.of(2024, 6, 21))), sentBy(SUPERVISOR, "SUPERVISOR"))
                .expectState(e -> {
                    assertThat(e.authorOf(0)).isEqualTo(OFFICER);
                    assertThat(e.authorOf(1)).isEqualTo(SUPERVISOR);
                });
    }
}
