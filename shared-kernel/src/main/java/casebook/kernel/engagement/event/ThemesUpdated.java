package casebook.kernel.engagement.event;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.engagement.Theme;
import java.time.LocalDate;
import java.util.List;

/** The support themes were replaced. */
public record ThemesUpdated(String engagementId, List<Theme> themes, String reason, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return engagementId;
    }
}
