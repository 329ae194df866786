package casebook.web.grant;

import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.ProcedureKind;
import casebook.kernel.grant.RecipientKind;
import casebook.kernel.time.PeriodPart;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Request bodies of the grant-case endpoints (CONTRACT.md "Grant cases"). Amounts are whole yen: the JSON
 * reader refuses fractions, validation refuses negatives; the aggregate checks the rest.
 */
final class GrantRequests {

    static final int TEXT = 4000;
    static final int SHORT = 200;
    /** ¥1 trillion: far above any grant the division handles, so a slipped digit is caught. */
    static final long MAX_YEN = 1_000_000_000_000L;

    private GrantRequests() {
    }

    record RecipientBody(@NotNull RecipientKind kind,
                         @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit local government code") String code) {
    }

    record Open(@NotNull GrantType grantType, @NotNull @Valid RecipientBody recipient,
                @NotNull @Min(2015) @Max(2060) Integer targetFiscalYear) {
    }

    record Period(@NotNull @Min(2015) @Max(2062) Integer year, @NotNull @Min(1) @Max(12) Integer month, @NotNull PeriodPart part) {
    }

    record PlannedStepBody(@NotNull GrantStep step, LocalDate on, @Valid Period period, @Valid Period until) {
    }

    record Procedure(@NotNull ProcedureKind kind, @Size(max = 30) List<@Valid @NotNull PlannedStepBody> plannedSchedule) {
    }

    record Step(@NotNull LocalDate on, @PositiveOrZero @Max(MAX_YEN) Long amount, @Size(max = 100) String noticeNo,
                @Size(max = 50) List<@NotBlank @Size(max = 500) String> documents, @Size(max = TEXT) String note) {
    }

    record CorrectedFields(LocalDate on, @PositiveOrZero @Max(MAX_YEN) Long amount, @Size(max = 100) String noticeNo,
                           @Size(max = TEXT) String note) {
    }

    record Correction(@NotNull @PositiveOrZero Long correctsEvent, @NotBlank @Size(max = TEXT) String reason,
                      @Valid CorrectedFields fields, LocalDate occurredOn) {
    }
}
