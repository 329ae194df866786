package casebook.kernel.inquiry;

/** Who asks: a municipality, a prefecture, or a prefecture's 後期高齢者医療広域連合 (named by its prefecture's code). */
public enum InquirerKind {
    /** 市町村 */
    MUNICIPALITY("市町村"),
    /** 都道府県 */
    PREFECTURE("都道府県"),
    /** 後期高齢者医療広域連合 */
    KOIKI_RENGO("広域連合");

    private final String label;

    InquirerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
