package casebook.kernel.consultation;

import java.math.BigDecimal;

/**
 * The inputs of the 総合事業 cap (上限額) as the municipality recorded them: 事業移行前年度実績 × 75歳以上高齢者の伸び率.
 * Kept as recorded values, not recomputed, because the seeds do not give the rounding or the years averaged.
 *
 * @param baselineActual   事業移行前年度実績, whole yen
 * @param growthRate75Plus 75歳以上高齢者の伸び率, a factor such as {@code 1.032}
 * @param capAmount        上限額, whole yen
 */
public record CapInputs(Long baselineActual, BigDecimal growthRate75Plus, Long capAmount) {
}
