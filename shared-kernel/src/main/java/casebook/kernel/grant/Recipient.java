package casebook.kernel.grant;

/**
 * The body that receives a grant, by its 6-digit 全国地方公共団体コード; a 広域連合 is named by the code of
 * its prefecture (one per prefecture).
 */
public record Recipient(RecipientKind kind, String code) {
}
