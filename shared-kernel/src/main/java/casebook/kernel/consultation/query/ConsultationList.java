package casebook.kernel.consultation.query;

/**
 * Individual consultations as {@link ConsultationSummary} rows, by fiscal year, bureau, municipality code; a null
 * criterion does not filter.
 */
public record ConsultationList(String bureau, Integer fiscalYear) {
}
