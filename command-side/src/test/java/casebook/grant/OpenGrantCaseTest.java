package casebook.grant;

import static casebook.grant.GrantFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.InvalidInput;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.Recipient;
import casebook.kernel.grant.RecipientKind;
import casebook.kernel.grant.command.OpenGrantCase;
import casebook.kernel.grant.event.GrantCaseOpened;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 交付案件: one grant, one recipient of the grant's kind, one target fiscal year; the bureau follows from the recipient. */
class OpenGrantCaseTest {

    private AggregateTestFixture<GrantCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void yuzawaReceivesTheCommunitySupportGrantThroughTohoku() {
        fixture.givenNoPriorActivity()
                .when(open(GrantType.CHIIKI_SHIEN_JIGYO, RecipientKind.MUNICIPALITY, "052078", FY))
                .expectEvents(opened())
                .expectState(c -> {
                    assertThat(c.grantType()).isEqualTo(GrantType.CHIIKI_SHIEN_JIGYO);
                    assertThat(c.targetFiscalYear()).isEqualTo(FY);
                });
    }

    @Test
    void saitamaReceivesTheFundThroughKantoShinetsu() {
        fixture.givenNoPriorActivity()
                .when(open(GrantType.KIKIN_SHISETSU, RecipientKind.PREFECTURE, "110001", FY))
                .expectEvents(openedSaitamaFund());
        fixture.givenNoPriorActivity()
                .when(open(GrantType.KIKIN_JINZAI, RecipientKind.PREFECTURE, "110001", FY))
                .expectEvents(new GrantCaseOpened(ID, GrantType.KIKIN_JINZAI, RecipientKind.PREFECTURE, "110001", "埼玉県",
                        "110001", "kantoshinetsu", FY, OPENED_ON));
    }

    @Test
    void aKoikiRengoIsNamedByItsPrefecturesCode() {
        fixture.givenNoPriorActivity()
                .when(open(GrantType.KOKI_ITTAI, RecipientKind.KOIKI_RENGO, "410004", FY))
                .expectEvents(openedSagaKoiki());
    }

    @Test
    void theRecipientMustBeOfTheKindTheGrantGoesTo() {
        fixture.givenNoPriorActivity()
                .when(open(GrantType.CHIIKI_SHIEN_JIGYO, RecipientKind.PREFECTURE, "110001", FY))
                .expectNoEvents()
                .expectException(rejected(RecipientMismatch.class, "recipient.kind"));
        fixture.givenNoPriorActivity()
                .when(open(GrantType.KOKI_ITTAI, RecipientKind.PREFECTURE, "410004", FY))
                .expectNoEvents()
                .expectException(rejected(RecipientMismatch.class, "recipient.kind"))
                .expectExceptionMessage("KOKI_ITTAI (後期高齢者医療特別調整交付金（一体的実施）) goes to a KOIKI_RENGO (広域連合),"
                        + " not a PREFECTURE (都道府県)");
    }

    @Test
    void anUnknownCodeIsRejected() {
        fixture.givenNoPriorActivity()
                .when(open(GrantType.CHIIKI_SHIEN_JIGYO, RecipientKind.MUNICIPALITY, "999999", FY))
                .expectNoEvents()
                .expectException(rejected(UnknownRecipient.class, "recipient.code"))
                .expectExceptionMessage("no local government has the code 999999");
        fixture.givenNoPriorActivity()
                .when(open(GrantType.KIKIN_SHISETSU, RecipientKind.PREFECTURE, "999999", FY))
                .expectNoEvents()
                .expectException(rejected(UnknownRecipient.class, "recipient.code"));
    }

    @Test
    void aCodeOfTheWrongKindOfBodyIsRejected() {
        fixture.givenNoPriorActivity()
                .when(open(GrantType.CHIIKI_SHIEN_JIGYO, RecipientKind.MUNICIPALITY, "110001", FY))
                .expectNoEvents()
                .expectException(rejected(UnknownRecipient.class, "recipient.code"))
                .expectExceptionMessage("110001 (埼玉県) is a 都道府県, not 市町村");
        fixture.givenNoPriorActivity()
                .when(open(GrantType.KOKI_ITTAI, RecipientKind.KOIKI_RENGO, "052078", FY))
                .expectNoEvents()
                .expectException(rejected(UnknownRecipient.class, "recipient.code"))
                .expectExceptionMessage("052078 (湯沢市) is a 市, not the 都道府県 of a 広域連合");
    }

    @Test
    void aTargetFiscalYearOutsideTheCoveredYearsIsRejected() {
        fixture.givenNoPriorActivity()
                .when(open(GrantType.CHIIKI_SHIEN_JIGYO, RecipientKind.MUNICIPALITY, "052078", 2014))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "targetFiscalYear"));
        fixture.givenNoPriorActivity()
                .when(open(GrantType.CHIIKI_SHIEN_JIGYO, RecipientKind.MUNICIPALITY, "052078", 2061))
                .expectNoEvents()
                .expectException(rejected(InvalidInput.class, "targetFiscalYear"));
    }

    @Test
    void grantTypeRecipientAndBusinessDateAreRequired() {
        fixture.givenNoPriorActivity()
                .when(open(null, RecipientKind.MUNICIPALITY, "052078", FY))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "grantType"));
        fixture.givenNoPriorActivity()
                .when(new OpenGrantCase(ID, GrantType.CHIIKI_SHIEN_JIGYO, null, FY, OPENED_ON))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "recipient"));
        fixture.givenNoPriorActivity()
                .when(open(GrantType.CHIIKI_SHIEN_JIGYO, null, "052078", FY))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "recipient.kind"));
        fixture.givenNoPriorActivity()
                .when(open(GrantType.CHIIKI_SHIEN_JIGYO, RecipientKind.MUNICIPALITY, " ", FY))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "recipient.code"));
        fixture.givenNoPriorActivity()
                .when(new OpenGrantCase(ID, GrantType.CHIIKI_SHIEN_JIGYO,
                        new Recipient(RecipientKind.MUNICIPALITY, "052078"), FY, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "occurredOn"));
    }
}
