package casebook.kernel.consultation.query;

/** One individual consultation's detail ({@link ConsultationView}), or null when the id is unknown. */
public record FindConsultation(String consultationId) {
}
