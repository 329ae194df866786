package casebook.kernel.engagement.event;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.Theme;
import java.time.LocalDate;
import java.util.List;

/** A candidate engagement was registered (候補登録). */
public record EngagementRegistered(String engagementId, Programme programme, EngagementType engagementType, int fiscalYear, String municipalityCode, String municipalityName, String prefectureCode, String bureauCode, List<Theme> themes, String applicationBackground, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return engagementId;
    }
}
