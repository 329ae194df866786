package casebook.web.retention;

import casebook.kernel.audit.CaseType;
import casebook.kernel.audit.Retention;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retention years per case type ({@code casebook.retention.*}). The seeds give none (DOMAIN.md §8 13(g)); the
 * defaults follow the 行政文書 classes a division would use, and grant records keep at least 5 years.
 */
@ConfigurationProperties("casebook.retention")
public record RetentionProperties(Map<CaseType, Integer> years) {

    private static final Map<CaseType, String> CLASSES = Map.of(
            CaseType.GRANT_CASE, "補助金等の交付に関する文書",
            CaseType.CONSULTATION, "補助金等の交付に関する文書（個別協議）",
            CaseType.SUPPORT_ENGAGEMENT, "市町村支援（伴走支援）に関する文書",
            CaseType.INQUIRY, "照会・回答に関する文書");

    private static final Map<CaseType, Integer> DEFAULTS = Map.of(
            CaseType.GRANT_CASE, 5, CaseType.CONSULTATION, 5, CaseType.SUPPORT_ENGAGEMENT, 5, CaseType.INQUIRY, 3);

    public Retention of(CaseType type) {
        Map<CaseType, Integer> merged = new EnumMap<>(DEFAULTS);
        if (years != null) {
            merged.putAll(years);
        }
        return new Retention(type, CLASSES.get(type), merged.get(type));
    }
}
