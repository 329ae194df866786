package casebook.kernel.engagement;

/** A support theme: a code from {@link ThemeCode} and free-text detail (e.g. "サービス・活動Cの利用者数増加"). */
public record Theme(ThemeCode code, String detail) {
}
