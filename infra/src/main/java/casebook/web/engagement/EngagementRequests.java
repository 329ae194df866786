package casebook.web.engagement;

import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.MeetingMode;
import casebook.kernel.engagement.OutputKind;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.SelectedBy;
import casebook.kernel.engagement.ThemeCode;
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
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Request bodies of the engagement endpoints (CONTRACT.md). Bean validation checks shape and size;
 * the aggregate checks the rules of the case. Unknown fields are refused by the JSON reader.
 */
final class EngagementRequests {

    static final int TEXT = 4000;
    static final int SHORT = 200;

    private EngagementRequests() {
    }

    record ThemeBody(@NotNull ThemeCode code, @Size(max = SHORT) String detail) {
    }

    record Register(@NotNull Programme programme, EngagementType engagementType,
                    @NotNull @Min(2015) @Max(2060) Integer fiscalYear,
                    @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit local government code") String municipalityCode,
                    @Size(max = 20) List<@Valid @NotNull ThemeBody> themes,
                    @Size(max = TEXT) String applicationBackground) {
    }

    record Entry(@NotNull LocalDate receivedOn, @Size(max = TEXT) String note) {
    }

    record Selection(@NotNull LocalDate selectedOn, SelectedBy selectedBy) {
    }

    record Decline(@NotNull LocalDate decidedOn, @NotBlank @Size(max = TEXT) String reason) {
    }

    record Withdrawal(@NotNull LocalDate withdrawnOn, @NotBlank @Size(max = TEXT) String reason) {
    }

    record Advisor(@NotBlank @Size(max = SHORT) String name, @Size(max = SHORT) String affiliation,
                   @Size(max = SHORT) String title, LocalDate assignedOn) {
    }

    record AdvisorRemoval(@NotBlank @Size(max = TEXT) String reason, LocalDate occurredOn) {
    }

    record Themes(@NotNull @Size(max = 20) List<@Valid @NotNull ThemeBody> themes, @Size(max = TEXT) String reason,
                  LocalDate occurredOn) {
    }

    record Period(@NotNull @Min(2015) @Max(2061) Integer year, @NotNull @Min(1) @Max(12) Integer month,
                  @NotNull PeriodPart part) {
    }

    record Plan(LocalDate plannedOn, @Valid Period plannedPeriod, LocalTime startTime, LocalTime endTime,
                MeetingMode mode, @Size(max = SHORT) String place, @Size(max = TEXT) String reason, LocalDate occurredOn) {
    }

    record Participant(@Size(max = SHORT) String organisation, @Size(max = SHORT) String department,
                       @Size(max = SHORT) String role, @PositiveOrZero @Max(100_000) Integer headcount) {
    }

    record Held(@NotNull LocalDate heldOn, LocalTime startTime, LocalTime endTime, @NotNull MeetingMode mode,
                @Size(max = SHORT) String place, @Size(max = 100) List<@Valid @NotNull Participant> participants,
                @Size(max = 100) List<@NotNull @Size(max = TEXT) String> agenda, @Size(max = 20_000) String summary) {
    }

    record Reasoned(@NotBlank @Size(max = TEXT) String reason, LocalDate occurredOn) {
    }

    record Finding(@NotBlank @Size(max = TEXT) String text, @NotBlank String milestone, LocalDate occurredOn) {
    }

    record Decision(@NotNull LocalDate decidedOn, @NotBlank @Size(max = TEXT) String text, String milestone) {
    }

    record Homework(@NotBlank @Size(max = TEXT) String description, @Size(max = SHORT) String owner,
                    String dueBefore, LocalDate dueOn, LocalDate occurredOn) {
    }

    record Completion(@NotNull LocalDate completedOn, @Size(max = TEXT) String note) {
    }

    record Output(@NotNull OutputKind kind, @NotBlank @Size(max = SHORT) String title, @Size(max = 2000) String uri,
                  String milestone, LocalDate producedOn) {
    }

    record Closure(@NotNull LocalDate closedOn, @Size(max = TEXT) String outcomeSummary, @Size(max = TEXT) String reason) {
    }

    record Correction(@NotNull @PositiveOrZero Long correctsEvent, @NotBlank @Size(max = TEXT) String reason,
                      Map<String, Object> fields, LocalDate occurredOn) {
    }
}
