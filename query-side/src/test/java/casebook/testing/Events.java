package casebook.testing;

import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.MeetingMode;
import casebook.kernel.engagement.ParticipantGroup;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.SelectedBy;
import casebook.kernel.engagement.Theme;
import casebook.kernel.engagement.ThemeCode;
import casebook.kernel.engagement.event.EngagementRegistered;
import casebook.kernel.engagement.event.EngagementSelected;
import casebook.kernel.engagement.event.HomeworkItemAdded;
import casebook.kernel.engagement.event.HomeworkItemCompleted;
import casebook.kernel.engagement.event.MilestoneHeld;
import casebook.kernel.engagement.event.MilestonePlanned;
import casebook.kernel.reference.LocalGovernment;
import casebook.kernel.reference.ReferenceData;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Engagement events as the command side would emit them, with names and codes from the reference data. */
public final class Events {

    private Events() {
    }

    public static EngagementRegistered registered(String id, String municipalityCode, Programme programme,
                                                  int fiscalYear, LocalDate on) {
        LocalGovernment lg = ReferenceData.get().municipality(municipalityCode).orElseThrow();
        return new EngagementRegistered(id, programme, programme.hasTypes() ? EngagementType.BUREAU_LED : null,
                fiscalYear, lg.code(), lg.name(), lg.prefectureCode(), ReferenceData.get().bureauOf(lg).code(),
                List.of(new Theme(ThemeCode.LIVING_SUPPORT_SYSTEM, null)), "地域づくりの推進", on);
    }

    public static EngagementSelected selected(String id, LocalDate on) {
        return new EngagementSelected(id, on, SelectedBy.BUREAU, on);
    }

    public static MilestonePlanned planned(String id, String key, LocalDate on, String start, String end) {
        return new MilestonePlanned(id, key, on, null, time(start), time(end), MeetingMode.ONLINE, null,
                on.minusDays(30));
    }

    public static MilestoneHeld held(String id, String key, LocalDate on, String start, String end) {
        return new MilestoneHeld(id, key, on, time(start), time(end), start == null ? MeetingMode.ONSITE
                : MeetingMode.ONLINE, null, List.of(new ParticipantGroup("市町村", "介護保険課", null, 4)), 4,
                List.of("現状と課題の共有"), null, on);
    }

    public static HomeworkItemAdded homework(String id, String itemId, String dueBefore, LocalDate on) {
        return new HomeworkItemAdded(id, itemId, "通所Cの利用状況を整理する", "市", dueBefore, null, on);
    }

    public static HomeworkItemCompleted completed(String id, String itemId, LocalDate on) {
        return new HomeworkItemCompleted(id, itemId, on, "整理済み", on);
    }

    private static LocalTime time(String hhmm) {
        return hhmm == null ? null : LocalTime.parse(hhmm);
    }
}
