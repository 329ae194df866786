package casebook.kernel.inquiry.query;

/**
 * A bureau's inquiries as {@link InquirySummary} rows, the oldest received first, each with its age in days as of
 * today (Asia/Tokyo). A null bureau lists every bureau's; closed inquiries only when {@code includeClosed}.
 */
public record InquiryInbox(String bureau, boolean includeClosed) {
}
