package casebook.inquiry;

import static casebook.inquiry.InquiryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.grant.GrantType;
import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.inquiry.InquiryChannel;
import casebook.kernel.inquiry.InquiryStatus;
import casebook.kernel.inquiry.command.ReceiveInquiry;
import casebook.kernel.inquiry.event.InquiryReceived;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 疑義照会の受付: who asks, how, and about what. */
class ReceiveInquiryTest {

    private AggregateTestFixture<Inquiry> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void anInquiryFromYuzawaFillsInNamePrefectureAndBureau() {
        fixture.givenNoPriorActivity()
                .when(receive(InquirerKind.MUNICIPALITY, YUZAWA))
                .expectEvents(received())
                .expectState(i -> assertThat(i.status()).isEqualTo(InquiryStatus.RECEIVED));
    }

    @Test
    void aPrefectureAsksWithoutNamingAGrant() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveInquiry(ID, InquirerKind.PREFECTURE, TOKUSHIMA, InquiryChannel.PHONE, RECEIVED_ON,
                        "基金の執行残", "執行残の翌年度繰越は可能か", null, null))
                .expectEvents(new InquiryReceived(ID, InquirerKind.PREFECTURE, TOKUSHIMA, "徳島県", TOKUSHIMA, "shikoku",
                        InquiryChannel.PHONE, RECEIVED_ON, "基金の執行残", "執行残の翌年度繰越は可能か", null, null,
                        RECEIVED_ON));
    }

    @Test
    void aKoikiRengoIsNamedByItsPrefecture() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveInquiry(ID, InquirerKind.KOIKI_RENGO, AKITA, InquiryChannel.DOCUMENT, RECEIVED_ON,
                        "医療専門職の配置", "企画調整担当の兼務は可能か", GrantType.KOKI_ITTAI, null))
                .expectEvents(new InquiryReceived(ID, InquirerKind.KOIKI_RENGO, AKITA, "秋田県後期高齢者医療広域連合", AKITA,
                        "tohoku", InquiryChannel.DOCUMENT, RECEIVED_ON, "医療専門職の配置", "企画調整担当の兼務は可能か",
                        GrantType.KOKI_ITTAI, null, RECEIVED_ON));
    }

    @Test
    void kamikatsuBelongsToShikoku() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveInquiry(ID, InquirerKind.MUNICIPALITY, KAMIKATSU, InquiryChannel.MEETING, RECEIVED_ON,
                        SUBJECT, QUESTION, null, null))
                .expectEvents(new InquiryReceived(ID, InquirerKind.MUNICIPALITY, KAMIKATSU, "上勝町", TOKUSHIMA, "shikoku",
                        InquiryChannel.MEETING, RECEIVED_ON, SUBJECT, QUESTION, null, null, RECEIVED_ON));
    }

    @Test
    void anUnknownCodeIsRejected() {
        fixture.givenNoPriorActivity()
                .when(receive(InquirerKind.MUNICIPALITY, UNKNOWN))
                .expectNoEvents()
                .expectException(rejected(UnknownInquirer.class, "fromCode"))
                .expectExceptionMessage("no local government has the code 999999");
    }

    @Test
    void aPrefectureCodeIsNotAMunicipality() {
        fixture.givenNoPriorActivity()
                .when(receive(InquirerKind.MUNICIPALITY, AKITA))
                .expectNoEvents()
                .expectException(rejected(UnknownInquirer.class, "fromCode"))
                .expectExceptionMessage("050008 (秋田県) is a 都道府県, not a municipality as MUNICIPALITY needs");
    }

    @Test
    void aMunicipalityCodeIsNotAPrefectureNorAKoikiRengo() {
        fixture.givenNoPriorActivity()
                .when(receive(InquirerKind.PREFECTURE, YUZAWA))
                .expectNoEvents()
                .expectException(rejected(UnknownInquirer.class, "fromCode"));
        fixture.givenNoPriorActivity()
                .when(receive(InquirerKind.KOIKI_RENGO, KAMIKATSU))
                .expectNoEvents()
                .expectException(rejected(UnknownInquirer.class, "fromCode"));
    }

    @Test
    void whoAsksIsRequired() {
        fixture.givenNoPriorActivity()
                .when(receive(null, YUZAWA))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "fromKind"));
        fixture.givenNoPriorActivity()
                .when(receive(InquirerKind.MUNICIPALITY, " "))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "fromCode"));
    }

    @Test
    void theChannelAndDateAreRequired() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveInquiry(ID, InquirerKind.MUNICIPALITY, YUZAWA, null, RECEIVED_ON, SUBJECT, QUESTION,
                        null, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "channel"));
        fixture.givenNoPriorActivity()
                .when(new ReceiveInquiry(ID, InquirerKind.MUNICIPALITY, YUZAWA, InquiryChannel.EMAIL, null, SUBJECT,
                        QUESTION, null, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "receivedOn"));
    }

    @Test
    void theSubjectAndQuestionMustSaySomething() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveInquiry(ID, InquirerKind.MUNICIPALITY, YUZAWA, InquiryChannel.EMAIL, RECEIVED_ON, " ",
                        QUESTION, null, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "subject"));
        fixture.givenNoPriorActivity()
                .when(new ReceiveInquiry(ID, InquirerKind.MUNICIPALITY, YUZAWA, InquiryChannel.EMAIL, RECEIVED_ON,
                        SUBJECT, null, null, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "question"));
    }

    @Test
    void aGivenGrantCaseIdMustNotBeBlank() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveInquiry(ID, InquirerKind.MUNICIPALITY, YUZAWA, InquiryChannel.EMAIL, RECEIVED_ON,
                        SUBJECT, QUESTION, GrantType.CHIIKI_SHIEN_JIGYO, " "))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "grantCaseId"));
    }

    @Test
    void theIdIsRequired() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveInquiry("", InquirerKind.MUNICIPALITY, YUZAWA, InquiryChannel.EMAIL, RECEIVED_ON,
                        SUBJECT, QUESTION, null, null))
                .expectNoEvents()
                .expectException(rejected(MissingValue.class, "inquiryId"));
    }
}
