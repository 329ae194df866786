package casebook.kernel.reference;

/**
 * One row of the 全国地方公共団体コード list: a prefecture, municipality, special ward or ward.
 *
 * @param code           6-digit code with check digit, e.g. {@code 402036} 久留米市
 * @param prefectureCode the 6-digit code of its prefecture ({@code PP000C})
 * @param type           都道府県 / 政令市 / 市 / 町 / 村 / 特別区 / 行政区
 */
public record LocalGovernment(String code, String prefecture, String prefectureCode, String name, String kana, String type) {

    /** Wards of designated cities are not local governments in their own right. */
    public boolean isBasicLocalGovernment() {
        return !"都道府県".equals(type) && !"行政区".equals(type);
    }

    public boolean isPrefecture() {
        return "都道府県".equals(type);
    }
}
