package casebook.consultation;

import static casebook.consultation.ConsultationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.InvalidInput;
import casebook.kernel.consultation.CapInputs;
import casebook.kernel.consultation.ConsultationReason;
import casebook.kernel.consultation.ConsultationStatus;
import casebook.kernel.consultation.command.OpenUpperLimitConsultation;
import casebook.kernel.consultation.event.IndividualConsultationOpened;
import java.math.BigDecimal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 個別協議の作成: whose cap, which year, and whether the excess adds up. */
class OpenConsultationTest {

    private AggregateTestFixture<UpperLimitConsultation> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void openingForYuzawaFillsInNamePrefectureAndBureau() {
        fixture.givenNoPriorActivity()
                .when(open(YUZAWA))
                .expectEvents(opened())
                .expectState(c -> assertThat(c.status()).isEqualTo(ConsultationStatus.OPENED));
    }

    @Test
    void kamikatsuBelongsToShikokuAndASpecialCircumstanceNeedsNoDetail() {
        CapInputs cap = new CapInputs(40_000_000L, new BigDecimal("1.015"), 40_600_000L);
        fixture.givenNoPriorActivity()
                .when(new OpenUpperLimitConsultation(ID, KAMIKATSU, FY, cap, 41_000_000L, 400_000L,
                        ConsultationReason.SPECIAL_CIRCUMSTANCE, null, OPENED_ON))
                .expectEvents(new IndividualConsultationOpened(ID, KAMIKATSU, "上勝町", TOKUSHIMA, "shikoku", FY, cap,
                        41_000_000L, 400_000L, ConsultationReason.SPECIAL_CIRCUMSTANCE, null, OPENED_ON));
    }

    @Test
    void otherReasonsWithADetailAreAccepted() {
        fixture.givenNoPriorActivity()
                .when(openWithReason(ConsultationReason.OTHER, "サービスC立上げに伴う一時的増加"))
                .expectEvents(new IndividualConsultationOpened(ID, YUZAWA, "湯沢市", AKITA, "tohoku", FY, CAP_INPUTS,
                        PLANNED, EXCESS, ConsultationReason.OTHER, "サービスC立上げに伴う一時的増加", OPENED_ON));
    }

    @Test
    void aCostWithinTheCapHasNoExcess() {
        fixture.givenNoPriorActivity()
                .when(open(YUZAWA, CAP_INPUTS, CAP, 0L))
                .expectEvents(new IndividualConsultationOpened(ID, YUZAWA, "湯沢市", AKITA, "tohoku", FY, CAP_INPUTS,
                        CAP, 0L, ConsultationReason.DISASTER, DETAIL, OPENED_ON));
    }

    @Test
    void anUnknownMunicipalityCodeIsRejected() {
        fixture.givenNoPriorActivity()
                .when(open(UNKNOWN))
                .expectNoEvents()
                .expectException(refused(UnknownMunicipality.class, "municipalityCode"))
                .expectExceptionMessage("no local government has the code 999999");
    }

    @Test
    void aPrefectureHasNoCapOfItsOwn() {
        fixture.givenNoPriorActivity()
                .when(open(AKITA))
                .expectNoEvents()
                .expectException(refused(UnknownMunicipality.class, "municipalityCode"))
                .expectExceptionMessage("050008 (秋田県) is a 都道府県, not a municipality");
    }

    @Test
    void theMunicipalityIsRequired() {
        fixture.givenNoPriorActivity()
                .when(open(" "))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "municipalityCode"));
    }

    @Test
    void aFiscalYearOutsideTheCoveredYearsIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new OpenUpperLimitConsultation(ID, YUZAWA, 2014, CAP_INPUTS, PLANNED, EXCESS,
                        ConsultationReason.DISASTER, DETAIL, OPENED_ON))
                .expectNoEvents()
                .expectException(refused(InvalidInput.class, "fiscalYear"));
    }

    @Test
    void theCapInputsAreRequired() {
        fixture.givenNoPriorActivity()
                .when(open(YUZAWA, null, PLANNED, EXCESS))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "capInputs"));
    }

    @Test
    void aNegativeBaselineIsRejected() {
        fixture.givenNoPriorActivity()
                .when(open(YUZAWA, new CapInputs(-1L, GROWTH, CAP), PLANNED, EXCESS))
                .expectNoEvents()
                .expectException(refused(InvalidInput.class, "capInputs.baselineActual"));
    }

    @Test
    void aMissingBaselineIsRejected() {
        fixture.givenNoPriorActivity()
                .when(open(YUZAWA, new CapInputs(null, GROWTH, CAP), PLANNED, EXCESS))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "capInputs.baselineActual"));
    }

    @Test
    void theGrowthRateMustBePositive() {
        fixture.givenNoPriorActivity()
                .when(open(YUZAWA, new CapInputs(BASELINE, BigDecimal.ZERO, CAP), PLANNED, EXCESS))
                .expectNoEvents()
                .expectException(refused(InvalidInput.class, "capInputs.growthRate75Plus"));
        fixture.givenNoPriorActivity()
                .when(open(YUZAWA, new CapInputs(BASELINE, new BigDecimal("-1.032"), CAP), PLANNED, EXCESS))
                .expectNoEvents()
                .expectException(refused(InvalidInput.class, "capInputs.growthRate75Plus"));
    }

    @Test
    void theGrowthRateIsRequired() {
        fixture.givenNoPriorActivity()
                .when(open(YUZAWA, new CapInputs(BASELINE, null, CAP), PLANNED, EXCESS))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "capInputs.growthRate75Plus"));
    }

    @Test
    void aNegativeCapIsRejected() {
        fixture.givenNoPriorActivity()
                .when(open(YUZAWA, new CapInputs(BASELINE, GROWTH, -1L), PLANNED, EXCESS))
                .expectNoEvents()
                .expectException(refused(InvalidInput.class, "capInputs.capAmount"));
    }

    @Test
    void thePlannedCostIsRequiredAndNotNegative() {
        fixture.givenNoPriorActivity()
                .when(open(YUZAWA, CAP_INPUTS, null, EXCESS))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "plannedCost"));
        fixture.givenNoPriorActivity()
                .when(open(YUZAWA, CAP_INPUTS, -1L, 0L))
                .expectNoEvents()
                .expectException(refused(InvalidInput.class, "plannedCost"));
    }

    @Test
    void theExcessMustBeThePlannedCostAboveTheCap() {
        fixture.givenNoPriorActivity()
                .when(open(YUZAWA, CAP_INPUTS, PLANNED, 6_000_000L))
                .expectNoEvents()
                .expectException(refused(ExcessDoesNotAddUp.class, "excessAmount"))
                .expectExceptionMessage("excessAmount 6000000 does not match plannedCost 130000000 - capAmount 123840000"
                        + " (expected 6160000)");
    }

    @Test
    void aCostWithinTheCapCannotClaimAnExcess() {
        fixture.givenNoPriorActivity()
                .when(open(YUZAWA, CAP_INPUTS, 100_000_000L, 1_000L))
                .expectNoEvents()
                .expectException(refused(ExcessDoesNotAddUp.class, "excessAmount"));
    }

    @Test
    void theExcessIsRequiredAndNotNegative() {
        fixture.givenNoPriorActivity()
                .when(open(YUZAWA, CAP_INPUTS, PLANNED, null))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "excessAmount"));
        fixture.givenNoPriorActivity()
                .when(open(YUZAWA, CAP_INPUTS, 100_000_000L, -1L))
                .expectNoEvents()
                .expectException(refused(InvalidInput.class, "excessAmount"));
    }

    @Test
    void theReasonIsRequired() {
        fixture.givenNoPriorActivity()
                .when(openWithReason(null, DETAIL))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "reason"));
    }

    @Test
    void anOtherReasonMustSayWhat() {
        fixture.givenNoPriorActivity()
                .when(openWithReason(ConsultationReason.OTHER, "  "))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "reasonDetail"));
    }

    @Test
    void theDateAndIdAreRequired() {
        fixture.givenNoPriorActivity()
                .when(new OpenUpperLimitConsultation(ID, YUZAWA, FY, CAP_INPUTS, PLANNED, EXCESS,
                        ConsultationReason.DISASTER, DETAIL, null))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "occurredOn"));
        fixture.givenNoPriorActivity()
                .when(new OpenUpperLimitConsultation("", YUZAWA, FY, CAP_INPUTS, PLANNED, EXCESS,
                        ConsultationReason.DISASTER, DETAIL, OPENED_ON))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "consultationId"));
    }
}
