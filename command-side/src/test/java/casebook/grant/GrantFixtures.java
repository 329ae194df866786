package casebook.grant;

import static casebook.kernel.grant.GrantStep.*;

import casebook.kernel.DomainRejection;
import casebook.kernel.audit.MetaDataKeys;
import casebook.kernel.grant.GrantCalendars;
import casebook.kernel.grant.GrantCorrectedFields;
import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.PlannedStep;
import casebook.kernel.grant.ProcedureKind;
import casebook.kernel.grant.Recipient;
import casebook.kernel.grant.RecipientKind;
import casebook.kernel.grant.command.CorrectGrantRecord;
import casebook.kernel.grant.command.OpenGrantCase;
import casebook.kernel.grant.command.OpenProcedure;
import casebook.kernel.grant.command.RecordGrantStep;
import casebook.kernel.grant.event.GrantCaseOpened;
import casebook.kernel.grant.event.GrantProcedureOpened;
import casebook.kernel.grant.event.GrantStepRecorded;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Given-events and commands for the 地域支援事業交付金 case of 湯沢市 (052078, Tohoku) for FY2025 (令和7年度), fixture G05
 * of DOMAIN.md §7.2, on the Kanto-Shinetsu calendar's dates, so that tests read as the domain:
 * {@code given(opened(), procedure(INITIAL), step(EXPENDITURE_AUTHORITY_RECEIVED, 10_000_000L))}.
 */
final class GrantFixtures {

    static final String ID = "grant-yuzawa-2025";
    static final int FY = 2025;
    static final LocalDate OPENED_ON = LocalDate.of(2025, 4, 1);
    static final LocalDate CORRECTED_ON = LocalDate.of(2026, 4, 10);

    static final String INITIAL_ID = "initial";
    static final String CHANGE_ID = "change-1";
    static final String ADJUSTMENT_ID = "adjustment";
    static final String CONFIRMATION_ID = "confirmation";
    static final String RECONFIRMATION_ID = "reconfirmation";

    static final long REQUESTED = 12_000_000L;
    static final long AUTHORISED = 10_000_000L;
    static final long DECIDED = 9_800_000L;

    /** When each step of the 当初交付 (and 変更交付) happens: the FY2025 calendar, 示達 and 決裁 just before the notice. */
    private static final Map<GrantStep, LocalDate> GRANT_DATES = Map.of(
            PRECONSULTATION_REQUESTED, LocalDate.of(2025, 7, 25), PRECONSULTATION_SUBMITTED, LocalDate.of(2025, 8, 29),
            PROVISIONAL_NOTIFIED, LocalDate.of(2025, 11, 28), APPLICATION_REQUESTED, LocalDate.of(2026, 2, 16),
            APPLICATION_SUBMITTED, LocalDate.of(2026, 2, 27), REVIEWED, LocalDate.of(2026, 3, 4),
            EXPENDITURE_AUTHORITY_RECEIVED, LocalDate.of(2026, 3, 6), DECISION_APPROVED, LocalDate.of(2026, 3, 10),
            DECISION_NOTIFIED, LocalDate.of(2026, 3, 13), PAID, LocalDate.of(2026, 3, 27));

    /** The 前年度確定 of FY2025 is worked in FY2026: report requested 2026-05-14, confirmed January 2027. */
    private static final Map<GrantStep, LocalDate> CONFIRMATION_DATES = Map.of(
            REPORT_REQUESTED, LocalDate.of(2026, 5, 14), REPORT_SUBMITTED, LocalDate.of(2026, 7, 15),
            REVIEWED, LocalDate.of(2026, 10, 1), AMOUNT_CONFIRMED, LocalDate.of(2027, 1, 8),
            CONFIRMATION_NOTIFIED, LocalDate.of(2027, 1, 15), PAID, LocalDate.of(2027, 1, 29),
            REFUND_ORDERED, LocalDate.of(2027, 1, 29), REFUND_RECEIVED, LocalDate.of(2027, 2, 26));

    private static final Map<GrantStep, LocalDate> ADJUSTMENT_DATES = Map.of(
            SURVEY_REQUESTED, LocalDate.of(2025, 11, 25), SURVEY_SUBMITTED, LocalDate.of(2026, 1, 9),
            AMOUNT_CALCULATED, LocalDate.of(2026, 1, 16), PROVISIONAL_NOTIFIED, LocalDate.of(2026, 2, 13),
            PAID, LocalDate.of(2026, 3, 27));

    private GrantFixtures() {
    }

    /**
     * Commands in these tests come from a supervisor unless a test names the sender (metadata actor and role), so
     * that the rules of each command are tested apart from who may correct whose record (CorrectionAuthorshipTest).
     */
    static AggregateTestFixture<GrantCase> fixture() {
        AggregateTestFixture<GrantCase> fixture = new AggregateTestFixture<>(GrantCase.class);
        fixture.registerCommandDispatchInterceptor(messages -> (i, m) -> m.getMetaData().containsKey(MetaDataKeys.ACTOR_ROLE)
                ? m : m.andMetaData(sentBy(SUPERVISOR, "SUPERVISOR")));
        return fixture;
    }

    static final String OFFICER = "officer-kyushu";
    static final String OTHER_OFFICER = "officer-kyushu-2";
    static final String SUPERVISOR = "supervisor-kyushu";

    /** The metadata of a command sent by {@code actor} in {@code role}, as the HTTP layer sets it from the principal. */
    static Map<String, Object> sentBy(String actor, String role) {
        return Map.of(MetaDataKeys.ACTOR, actor, MetaDataKeys.ACTOR_ROLE, role);
    }

    /** An event as recorded by {@code actor} (the metadata Axon copies from the command). */
    static EventMessage<?> recordedBy(String actor, Object event) {
        return GenericEventMessage.asEventMessage(event).andMetaData(Map.of(MetaDataKeys.ACTOR, actor));
    }

    // ------------------------------------------------------------------ events

    /** 湯沢市 (秋田県, 東北厚生局), 地域支援事業交付金, FY2025. */
    static GrantCaseOpened opened() {
        return new GrantCaseOpened(ID, GrantType.CHIIKI_SHIEN_JIGYO, RecipientKind.MUNICIPALITY, "052078", "湯沢市",
                "050008", "tohoku", FY, OPENED_ON);
    }

    /** 埼玉県 (関東信越厚生局), 基金（介護施設等整備分）. */
    static GrantCaseOpened openedSaitamaFund() {
        return new GrantCaseOpened(ID, GrantType.KIKIN_SHISETSU, RecipientKind.PREFECTURE, "110001", "埼玉県", "110001",
                "kantoshinetsu", FY, OPENED_ON);
    }

    /** 佐賀県後期高齢者医療広域連合 (九州厚生局), 特別調整交付金（一体的実施）. */
    static GrantCaseOpened openedSagaKoiki() {
        return new GrantCaseOpened(ID, GrantType.KOKI_ITTAI, RecipientKind.KOIKI_RENGO, "410004",
                "佐賀県後期高齢者医療広域連合", "410004", "kyushu", FY, OPENED_ON);
    }

    /** The first procedure of the kind, on the default calendar of 地域支援事業交付金. */
    static GrantProcedureOpened procedure(ProcedureKind kind) {
        return procedure(idOf(kind), kind, 1);
    }

    static GrantProcedureOpened procedure(String procedureId, ProcedureKind kind, int number) {
        return new GrantProcedureOpened(ID, procedureId, kind, number,
                GrantCalendars.defaultPlan(GrantType.CHIIKI_SHIEN_JIGYO, kind, FY), OPENED_ON);
    }

    /** The 当初交付, 調整交付金, 前年度確定 and 過年度再確定 of the case (its first 変更交付 where asked for). */
    static Object[] allProcedures() {
        return new Object[] {procedure(ProcedureKind.INITIAL), procedure(ProcedureKind.CHANGE),
                procedure(ProcedureKind.ADJUSTMENT), procedure(ProcedureKind.CONFIRMATION),
                procedure(ProcedureKind.RECONFIRMATION)};
    }

    /** A step of the 当初交付 on its usual date. */
    static GrantStepRecorded step(GrantStep step, Long amount) {
        return step(ProcedureKind.INITIAL, step, amount);
    }

    /** A step of the first procedure of the kind on its usual date. */
    static GrantStepRecorded step(ProcedureKind kind, GrantStep step, Long amount) {
        return step(idOf(kind), kind, step, usualOn(kind, step), amount);
    }

    static GrantStepRecorded step(String procedureId, ProcedureKind kind, GrantStep step, LocalDate on, Long amount) {
        return new GrantStepRecorded(ID, procedureId, kind, step, on, amount, null, List.of(), null, on);
    }

    /** 示達 of the usual {@link #AUTHORISED} amount in the 当初交付. */
    static GrantStepRecorded authorised() {
        return step(EXPENDITURE_AUTHORITY_RECEIVED, AUTHORISED);
    }

    /** 交付決定決裁 of the usual {@link #DECIDED} amount in the 当初交付. */
    static GrantStepRecorded decided() {
        return step(DECISION_APPROVED, DECIDED);
    }

    // ------------------------------------------------------------------ commands

    static OpenGrantCase open(GrantType type, RecipientKind kind, String code, int targetFiscalYear) {
        return new OpenGrantCase(ID, type, new Recipient(kind, code), targetFiscalYear, OPENED_ON);
    }

    /** Opens the first procedure of the kind on the default calendar. */
    static OpenProcedure openProcedure(ProcedureKind kind) {
        return new OpenProcedure(ID, idOf(kind), kind, null, OPENED_ON);
    }

    static OpenProcedure openProcedure(String procedureId, ProcedureKind kind, List<PlannedStep> schedule) {
        return new OpenProcedure(ID, procedureId, kind, schedule, OPENED_ON);
    }

    /** Records a step of the 当初交付 on its usual date: produces exactly {@link #step(GrantStep, Long)}. */
    static RecordGrantStep record(GrantStep step, Long amount) {
        return record(ProcedureKind.INITIAL, step, amount);
    }

    static RecordGrantStep record(ProcedureKind kind, GrantStep step, Long amount) {
        return record(idOf(kind), step, usualOn(kind, step), amount);
    }

    static RecordGrantStep record(String procedureId, GrantStep step, LocalDate on, Long amount) {
        return new RecordGrantStep(ID, procedureId, step, on, amount, null, null, null);
    }

    static CorrectGrantRecord correct(long correctsEvent, GrantCorrectedFields fields) {
        return new CorrectGrantRecord(ID, correctsEvent, "示達額の誤記", fields, CORRECTED_ON);
    }

    // ------------------------------------------------------------------ corrected fields

    static GrantCorrectedFields amountCorrection(long amount) {
        return new GrantCorrectedFields(null, amount, null, null);
    }

    static GrantCorrectedFields onCorrection(LocalDate on) {
        return new GrantCorrectedFields(on, null, null, null);
    }

    static GrantCorrectedFields noticeNoCorrection(String noticeNo) {
        return new GrantCorrectedFields(null, null, noticeNo, null);
    }

    static GrantCorrectedFields noCorrection() {
        return new GrantCorrectedFields(null, null, null, null);
    }

    // ------------------------------------------------------------------ helpers

    static String idOf(ProcedureKind kind) {
        return switch (kind) {
            case INITIAL -> INITIAL_ID;
            case CHANGE -> CHANGE_ID;
            case ADJUSTMENT -> ADJUSTMENT_ID;
            case CONFIRMATION -> CONFIRMATION_ID;
            case RECONFIRMATION -> RECONFIRMATION_ID;
        };
    }

    static LocalDate usualOn(ProcedureKind kind, GrantStep step) {
        Map<GrantStep, LocalDate> dates = switch (kind) {
            case INITIAL, CHANGE -> GRANT_DATES;
            case ADJUSTMENT -> ADJUSTMENT_DATES;
            case CONFIRMATION, RECONFIRMATION -> CONFIRMATION_DATES;
        };
        return Objects.requireNonNull(dates.get(step), () -> step + " has no usual date in " + kind);
    }

    static Object[] events(Object... parts) {
        return Arrays.stream(parts)
                .flatMap(p -> p instanceof Object[] a ? Arrays.stream(a) : Stream.of(p))
                .toArray();
    }

    /** Matches a rejection of the given type that names the given field. */
    static Matcher<Throwable> rejected(Class<? extends DomainRejection> type, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return type.isInstance(t) && Objects.equals(field, ((DomainRejection) t).field());
            }

            @Override
            public void describeTo(Description d) {
                d.appendText(type.getSimpleName() + " on field " + field);
            }

            @Override
            protected void describeMismatchSafely(Throwable t, Description d) {
                d.appendText("was " + t + (t instanceof DomainRejection r ? " on field " + r.field() : ""));
            }
        };
    }

    /** Matches a StepOutOfOrder of {@code step} waiting for {@code prerequisite}. */
    static Matcher<Throwable> outOfOrder(GrantStep step, GrantStep prerequisite) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof StepOutOfOrder o && o.step() == step && o.prerequisite() == prerequisite;
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("StepOutOfOrder: " + step + " waiting for " + prerequisite);
            }

            @Override
            protected void describeMismatchSafely(Throwable t, Description d) {
                d.appendText("was " + t);
            }
        };
    }
}
