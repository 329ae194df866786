package casebook.web.engagement;

import casebook.kernel.engagement.query.EngagementView;
import casebook.kernel.engagement.query.FindEngagement;
import casebook.web.QueryRunner;
import casebook.web.limits.LimitStatus;
import casebook.web.limits.SelectionLimits;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** After a selection: which limits of the engagement's bureau, year and type are now exceeded. */
@Component
class LimitWarnings {

    private final QueryRunner queries;
    private final SelectionLimits limits;

    LimitWarnings(QueryRunner queries, SelectionLimits limits) {
        this.queries = queries;
        this.limits = limits;
    }

    Mono<List<String>> after(String engagementId) {
        return queries.one(new FindEngagement(engagementId), EngagementView.class)
                .flatMap(e -> limits.status(e.fiscalYear(), e.bureauCode()).map(all -> all.stream()
                        .filter(LimitStatus::exceeded)
                        .filter(l -> l.programme() == e.programme() && l.engagementType() == e.engagementType())
                        .map(LimitStatus::warning).toList()))
                .defaultIfEmpty(List.of());
    }
}
