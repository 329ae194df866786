package casebook.kernel.inquiry.query;

/** One inquiry's detail ({@link InquiryView}), or null when the id is unknown. */
public record FindInquiry(String inquiryId) {
}
