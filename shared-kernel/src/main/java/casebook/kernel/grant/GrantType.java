package casebook.kernel.grant;

import java.util.EnumSet;
import java.util.Set;

/** The four grants the division processes (DOMAIN.md §3.1). */
public enum GrantType {
    /** 地域支援事業交付金: municipalities */
    CHIIKI_SHIEN_JIGYO("地域支援事業交付金", RecipientKind.MUNICIPALITY, EnumSet.allOf(ProcedureKind.class)),
    /** 地域医療介護総合確保基金（介護施設等整備分）: prefectures */
    KIKIN_SHISETSU("地域医療介護総合確保基金（介護施設等整備分）", RecipientKind.PREFECTURE,
            EnumSet.of(ProcedureKind.INITIAL, ProcedureKind.CHANGE, ProcedureKind.CONFIRMATION)),
    /** 地域医療介護総合確保基金（介護従事者確保分）: prefectures */
    KIKIN_JINZAI("地域医療介護総合確保基金（介護従事者確保分）", RecipientKind.PREFECTURE,
            EnumSet.of(ProcedureKind.INITIAL, ProcedureKind.CHANGE, ProcedureKind.CONFIRMATION)),
    /** 後期高齢者医療特別調整交付金（一体的実施分）: 広域連合 */
    KOKI_ITTAI("後期高齢者医療特別調整交付金（一体的実施）", RecipientKind.KOIKI_RENGO,
            EnumSet.of(ProcedureKind.INITIAL, ProcedureKind.CHANGE, ProcedureKind.CONFIRMATION));

    private final String label;
    private final RecipientKind recipientKind;
    private final Set<ProcedureKind> procedures;

    GrantType(String label, RecipientKind recipientKind, Set<ProcedureKind> procedures) {
        this.label = label;
        this.recipientKind = recipientKind;
        this.procedures = procedures;
    }

    public String label() {
        return label;
    }

    /** Who receives this grant. */
    public RecipientKind recipientKind() {
        return recipientKind;
    }

    public Set<ProcedureKind> procedures() {
        return procedures;
    }
}
