package casebook.kernel.engagement;

/** Artefacts an engagement produces (DOMAIN.md §5.1 #20). */
public enum OutputKind {
    ISSUE_SHEET("課題整理シート"), ENTRY_SHEET("エントリーシート"),
    NEW_PROJECT_BUDGET_REQUEST("新規事業調書"), MODEL_CASE("モデル事例"), VIDEO("動画"), FLYER("チラシ"),
    ROADMAP_DRAFT("ロードマップ案"), ROADMAP("ロードマップ"), BRIEFING_SESSION("説明会"), SYMPOSIUM("シンポジウム"),
    REPORT_MATERIAL("報告資料"), OTHER("その他");

    private final String label;

    OutputKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
