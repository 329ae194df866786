package casebook.engagement;

import static casebook.engagement.EngagementFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.InvalidInput;
import casebook.kernel.engagement.EngagementStatus;
import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.command.RegisterEngagement;
import casebook.kernel.engagement.event.EngagementRegistered;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 候補登録: who may be supported, in which programme and year. */
class RegisterEngagementTest {

    private AggregateTestFixture<SupportEngagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void registeringKurumeForKasokukaFillsInPrefectureAndBureau() {
        fixture.givenNoPriorActivity()
                .when(register(Programme.KASOKUKA, EngagementType.BUREAU_LED, FY, "402036"))
                .expectEvents(registered())
                .expectState(e -> assertThat(e.status()).isEqualTo(EngagementStatus.CANDIDATE));
    }

    @Test
    void aZaitakuEngagementOfHokotaBelongsToKantoShinetsu() {
        fixture.givenNoPriorActivity()
                .when(new RegisterEngagement(ID, Programme.ZAITAKU_RENKEI, null, FY, "082341", null, null, REGISTERED_ON))
                .expectEvents(registeredZaitaku());
    }

    @Test
    void aKasokukaEngagementMayLeaveItsTypeOpenAndHaveNoThemes() {
        fixture.givenNoPriorActivity()
                .when(new RegisterEngagement(ID, Programme.KASOKUKA, null, FY, "406015", List.of(), null, REGISTERED_ON))
                .expectEvents(new EngagementRegistered(ID, Programme.KASOKUKA, null, FY, "406015", "香春町", "400009",
                        "kyushu", List.of(), null, REGISTERED_ON));
    }

    @Test
    void anUnknownMunicipalityCodeIsRejected() {
        fixture.givenNoPriorActivity()
                .when(register(Programme.KASOKUKA, EngagementType.BUREAU_LED, FY, "999999"))
                .expectNoEvents()
                .expectException(rejected(UnknownMunicipality.class, "municipalityCode"));
    }

    @Test
    void aPrefectureIsNotAMunicipality() {
        fixture.givenNoPriorActivity()
                .when(register(Programme.KASOKUKA, EngagementType.BUREAU_LED, FY, "400009"))
                .expectNoEvents()
                .expectException(rejected(UnknownMunicipality.class, "municipalityCode"))
                .expectExceptionMessage("400009 (福岡県) is a 都道府県, not a municipality");
    }

    @Test
    void aFiscalYearOutsideTheCoveredYearsIsRejected() {
        fixture.givenNoPriorActivity()
                .when(register(Programme.KASOKUKA, EngagementType.BUREAU_LED, 2014, "402036"))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "fiscalYear"));
        fixture.givenNoPriorActivity()
                .when(register(Programme.KASOKUKA, EngagementType.BUREAU_LED, 2061, "402036"))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "fiscalYear"));
    }

    @Test
    void onlyKasokukaHasAnEngagementType() {
        fixture.givenNoPriorActivity()
                .when(register(Programme.ZAITAKU_RENKEI, EngagementType.BUREAU_LED, FY, "082341"))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "engagementType"));
    }

    @Test
    void theProgrammeIsRequired() {
        fixture.givenNoPriorActivity()
                .when(register(null, null, FY, "402036"))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "programme"));
    }

    @Test
    void aThemeNeedsACode() {
        fixture.givenNoPriorActivity()
                .when(new RegisterEngagement(ID, Programme.KASOKUKA, null, FY, "402036",
                        List.of(new casebook.kernel.engagement.Theme(null, "何か")), null, REGISTERED_ON))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "themes[0].code"));
    }

    @Test
    void theBusinessDateOfTheRegistrationIsRequired() {
        fixture.givenNoPriorActivity()
                .when(new RegisterEngagement(ID, Programme.KASOKUKA, null, FY, "402036", null, null, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "occurredOn"));
    }
}
