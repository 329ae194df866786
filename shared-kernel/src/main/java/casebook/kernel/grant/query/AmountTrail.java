package casebook.kernel.grant.query;

/**
 * The amounts of one procedure in whole yen (A3), null where not recorded: the latest amount of each role, paid
 * and refundReceived summed. {@code settlement}, for a confirmation: the confirmed amount less what the case's
 * 当初・変更交付 paid (for a re-confirmation: less the amount confirmed before); positive = additional payment,
 * negative = refund due.
 */
public record AmountTrail(Long requested, Long provisional, Long authorised, Long decided, Long paid, Long calculated,
                          Long confirmed, Long refundOrdered, Long refundReceived, Long settlement) {
}
