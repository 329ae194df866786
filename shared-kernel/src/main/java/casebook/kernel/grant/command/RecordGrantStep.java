package casebook.kernel.grant.command;

import casebook.kernel.grant.GrantStep;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a step of a procedure on its date, with the amount (whole yen) where the step has one. */
public record RecordGrantStep(@TargetAggregateIdentifier String grantCaseId, String procedureId, GrantStep step, LocalDate on,
                              Long amount, String noticeNo, List<String> documents, String note) {
}
