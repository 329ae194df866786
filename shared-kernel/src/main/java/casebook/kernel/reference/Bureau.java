package casebook.kernel.reference;

import java.util.List;

/** A Regional Bureau (or Branch Bureau) of Health and Welfare, 地方厚生(支)局, with the prefectures it covers. */
public record Bureau(String code, String nameJa, String nameEn, List<String> prefectureCodes) {
}
