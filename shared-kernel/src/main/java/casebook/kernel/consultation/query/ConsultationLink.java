package casebook.kernel.consultation.query;

import casebook.kernel.consultation.LinkKind;
import java.time.LocalDate;

/** A grant case (交付案件) or support engagement (伴走支援案件) the consultation was linked to, and when. */
public record ConsultationLink(LinkKind kind, String linkedId, LocalDate linkedOn) {
}
