package casebook.consultation;

import static casebook.consultation.ConsultationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.consultation.LinkKind;
import casebook.kernel.consultation.command.LinkEngagement;
import casebook.kernel.consultation.command.LinkGrantCase;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Links to the grant case the approval affects and to engagements on 上限超過の改善. */
class LinkTest {

    private static final String GRANT_CASE = "gc-yuzawa-chiiki-2024";
    private static final String ENGAGEMENT = "eng-yuzawa-2025";

    private AggregateTestFixture<UpperLimitConsultation> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void anApprovedConsultationIsLinkedToItsGrantCase() {
        fixture.given(opened(), submitted(), reviewed(), approved(EXCESS))
                .when(new LinkGrantCase(ID, GRANT_CASE, TODAY))
                .expectEvents(linked(LinkKind.GRANT_CASE, GRANT_CASE))
                .expectState(c -> assertThat(c.isLinked(LinkKind.GRANT_CASE, GRANT_CASE)).isTrue());
    }

    @Test
    void aConsultationIsLinkedToAnEngagement() {
        fixture.given(opened())
                .when(new LinkEngagement(ID, ENGAGEMENT, TODAY))
                .expectEvents(linked(LinkKind.ENGAGEMENT, ENGAGEMENT));
    }

    @Test
    void theSameIdOfTheOtherKindIsADifferentLink() {
        fixture.given(opened(), linked(LinkKind.GRANT_CASE, "case-1"))
                .when(new LinkEngagement(ID, "case-1", TODAY))
                .expectEvents(linked(LinkKind.ENGAGEMENT, "case-1"));
    }

    @Test
    void aGrantCaseIsLinkedOnce() {
        fixture.given(opened(), linked(LinkKind.GRANT_CASE, GRANT_CASE))
                .when(new LinkGrantCase(ID, GRANT_CASE, TODAY))
                .expectNoEvents()
                .expectException(refused(AlreadyLinked.class, "grantCaseId"))
                .expectExceptionMessage("gc-yuzawa-chiiki-2024 is already linked to this consultation");
    }

    @Test
    void anEngagementIsLinkedOnce() {
        fixture.given(opened(), linked(LinkKind.ENGAGEMENT, ENGAGEMENT))
                .when(new LinkEngagement(ID, ENGAGEMENT, TODAY))
                .expectNoEvents()
                .expectException(refused(AlreadyLinked.class, "engagementId"));
    }

    @Test
    void aLinkNeedsTheIdAndTheDate() {
        fixture.given(opened())
                .when(new LinkGrantCase(ID, " ", TODAY))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "grantCaseId"));
        fixture.given(opened())
                .when(new LinkEngagement(ID, null, TODAY))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "engagementId"));
        fixture.given(opened())
                .when(new LinkGrantCase(ID, GRANT_CASE, null))
                .expectNoEvents()
                .expectException(refused(MissingValue.class, "occurredOn"));
    }
}
