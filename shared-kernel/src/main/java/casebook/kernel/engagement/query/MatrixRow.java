package casebook.kernel.engagement.query;

import java.util.Map;

/** A matrix row: one engagement, its cells by milestone key. */
public record MatrixRow(String engagementId, String municipalityCode, String municipalityName,
                        Map<String, MatrixCell> cells) {
}
