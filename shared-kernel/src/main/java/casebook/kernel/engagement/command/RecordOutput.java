package casebook.kernel.engagement.command;

import casebook.kernel.engagement.OutputKind;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records an output of the engagement (ロードマップ案, 新規事業調書 …) by reference. */
public record RecordOutput(@TargetAggregateIdentifier String engagementId, String outputId, OutputKind kind, String title, String uri, String milestone, LocalDate producedOn) {
}
