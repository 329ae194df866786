package casebook.kernel.grant;

/** Who receives a grant: a municipality (insurer), a prefecture, or a prefecture's 後期高齢者医療広域連合. */
public enum RecipientKind {
    /** 市町村 (保険者) */
    MUNICIPALITY("市町村"),
    /** 都道府県 */
    PREFECTURE("都道府県"),
    /** 後期高齢者医療広域連合, named by its prefecture's code */
    KOIKI_RENGO("広域連合");

    private final String label;

    RecipientKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
