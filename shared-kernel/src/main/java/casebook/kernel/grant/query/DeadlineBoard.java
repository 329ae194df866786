package casebook.kernel.grant.query;

import java.time.LocalDate;

/**
 * The planned steps of grant procedures due within {@code from}..{@code to} (both inclusive; null is open) as
 * {@link DeadlineItem}s (C6), earliest first; plans still 時期未定 come last, placed by the month they guess.
 */
public record DeadlineBoard(String bureau, LocalDate from, LocalDate to) {
}
