package casebook.web.limits;

import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.Programme;
import java.util.List;

/** How many engagements a bureau has selected against one limit, and which. */
public record LimitStatus(String bureau, String bureauName, Programme programme, int fiscalYear, String fiscalYearLabel,
                          EngagementType engagementType, String engagementTypeLabel, int limit, int selected,
                          boolean exceeded, List<String> municipalities) {

    /** 関東信越厚生局 令和7年度 都道府県主導型: 2件選定 (上限1件) */
    public String warning() {
        return bureauName + " " + fiscalYearLabel + " " + engagementTypeLabel + ": " + selected + "件選定 (上限" + limit + "件)";
    }
}
