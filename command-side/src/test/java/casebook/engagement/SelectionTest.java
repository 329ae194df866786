package casebook.engagement;

import static casebook.engagement.EngagementFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.engagement.EngagementStatus;
import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.SelectedBy;
import casebook.kernel.engagement.command.RecordNonSelection;
import casebook.kernel.engagement.command.SelectEngagement;
import casebook.kernel.engagement.command.SubmitEntrySheet;
import casebook.kernel.engagement.command.WithdrawEngagement;
import casebook.kernel.engagement.event.EngagementRegistered;
import casebook.kernel.engagement.event.EngagementSelected;
import casebook.kernel.engagement.event.EngagementWithdrawn;
import casebook.kernel.engagement.event.EntrySheetSubmitted;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** エントリー, 選定, 不選定 and 辞退. */
class SelectionTest {

    private static final LocalDate RECEIVED_ON = LocalDate.of(2024, 5, 15);

    private AggregateTestFixture<SupportEngagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    // ------------------------------------------------------------------ entry sheet

    @Test
    void aCandidateSubmitsItsEntrySheet() {
        fixture.given(registered())
                .when(new SubmitEntrySheet(ID, RECEIVED_ON, "課・部レベルで調整済"))
                .expectEvents(new EntrySheetSubmitted(ID, RECEIVED_ON, "課・部レベルで調整済", RECEIVED_ON))
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.ENTRY_SUBMITTED));
    }

    @Test
    void onlyKasokukaHasEntrySheets() {
        fixture.given(registeredZaitaku())
                .when(new SubmitEntrySheet(ID, RECEIVED_ON, null))
                .expectNoEvents()
                .expectException(NotForProgramme.class);
    }

    @Test
    void anEntrySheetIsSubmittedOnlyOnce() {
        fixture.given(registered(), entrySubmitted())
                .when(new SubmitEntrySheet(ID, RECEIVED_ON, null))
                .expectNoEvents()
                .expectException(NotAllowedInStatus.class);
    }

    @Test
    void theEntrySheetNeedsTheDateItWasReceived() {
        fixture.given(registered())
                .when(new SubmitEntrySheet(ID, null, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "receivedOn"));
    }

    // ------------------------------------------------------------------ selection

    @Test
    void aCandidateWithAnEntrySheetIsSelected() {
        fixture.given(registered(), entrySubmitted())
                .when(new SelectEngagement(ID, SELECTED_ON, SelectedBy.BUREAU))
                .expectEvents(selected())
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.SELECTED));
    }

    @Test
    void aCandidateMayBeSelectedWithoutAnEntrySheet() {
        fixture.given(registeredZaitaku())
                .when(new SelectEngagement(ID, SELECTED_ON, SelectedBy.MHLW))
                .expectEvents(new EngagementSelected(ID, SELECTED_ON, SelectedBy.MHLW, SELECTED_ON));
    }

    @ParameterizedTest(name = "{0} {1} is selected by {2}")
    @CsvSource({
            "KASOKUKA, BUREAU_LED, BUREAU",
            "KASOKUKA, PREFECTURE_LED, PREFECTURE",
            "ZAITAKU_RENKEI, , MHLW",
            "SUMAI, , MHLW",
            "BUREAU_OWN, , PREFECTURE",
            "ADVISOR_DISPATCH, , BUREAU"})
    void whoSelectsFollowsFromTheProgrammeWhenNotGiven(Programme programme, EngagementType type, SelectedBy expected) {
        fixture.given(new EngagementRegistered(ID, programme, type, FY, "402036", "久留米市", "400009", "kyushu",
                        List.of(), null, REGISTERED_ON))
                .when(new SelectEngagement(ID, SELECTED_ON, null))
                .expectEvents(new EngagementSelected(ID, SELECTED_ON, expected, SELECTED_ON));
    }

    @Test
    void anEngagementIsSelectedOnlyOnce() {
        fixture.given(registered(), selected())
                .when(new SelectEngagement(ID, SELECTED_ON, SelectedBy.BUREAU))
                .expectNoEvents()
                .expectException(NotAllowedInStatus.class);
    }

    @Test
    void aWithdrawnEngagementCannotBeSelected() {
        fixture.given(registered(), withdrawn())
                .when(new SelectEngagement(ID, SELECTED_ON, SelectedBy.BUREAU))
                .expectNoEvents()
                .expectException(EngagementEnded.class);
    }

    @Test
    void theSelectionNeedsItsDate() {
        fixture.given(registered())
                .when(new SelectEngagement(ID, null, SelectedBy.BUREAU))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "selectedOn"));
    }

    // ------------------------------------------------------------------ non-selection

    @Test
    void anEntryThatIsNotSelectedEnds() {
        fixture.given(registered(), entrySubmitted())
                .when(new RecordNonSelection(ID, SELECTED_ON, "応募多数のため"))
                .expectEvents(notSelected())
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.NOT_SELECTED));
    }

    @Test
    void nonSelectionNeedsAReason() {
        fixture.given(registered(), entrySubmitted())
                .when(new RecordNonSelection(ID, SELECTED_ON, " "))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "reason"));
    }

    @Test
    void aSelectedEngagementCannotBeUnselected() {
        fixture.given(registered(), selected())
                .when(new RecordNonSelection(ID, SELECTED_ON, "応募多数のため"))
                .expectNoEvents()
                .expectException(NotAllowedInStatus.class);
    }

    @Test
    void nonSelectionNeedsTheDateOfTheDecision() {
        fixture.given(registered())
                .when(new RecordNonSelection(ID, null, "応募多数のため"))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "decidedOn"));
    }

    // ------------------------------------------------------------------ withdrawal

    @Test
    void aMunicipalityMayWithdrawEvenDuringSupport() {
        fixture.given(registered(), selected(), held(M0_5))
                .when(new WithdrawEngagement(ID, TODAY, "庁内調整がつかず辞退"))
                .expectEvents(new EngagementWithdrawn(ID, TODAY, "庁内調整がつかず辞退", TODAY))
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.WITHDRAWN));
    }

    @Test
    void withdrawalNeedsAReason() {
        fixture.given(registered())
                .when(new WithdrawEngagement(ID, TODAY, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "reason"));
    }

    @Test
    void anEngagementThatIsNotSelectedCannotBeWithdrawn() {
        fixture.given(registered(), entrySubmitted(), notSelected())
                .when(new WithdrawEngagement(ID, TODAY, "辞退"))
                .expectNoEvents()
                .expectException(EngagementEnded.class);
    }

    @Test
    void aClosedEngagementCannotBeWithdrawn() {
        fixture.given(events(registered(), selected(), heldUpTo(REPORT_MEETING), closed()))
                .when(new WithdrawEngagement(ID, TODAY, "辞退"))
                .expectNoEvents()
                .expectException(EngagementEnded.class);
    }
}
