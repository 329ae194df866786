package casebook.web.limits;

import casebook.kernel.engagement.EngagementStatus;
import casebook.kernel.engagement.query.EngagementSummary;
import casebook.kernel.engagement.query.ListEngagements;
import casebook.kernel.reference.Bureau;
import casebook.kernel.reference.ReferenceData;
import casebook.kernel.time.FiscalYear;
import casebook.web.QueryRunner;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Counts selected engagements per bureau against the configured limits (supervisors' S2 view). */
@Component
public class SelectionLimits {

    /** Statuses at or after selection; not-selected and withdrawn engagements do not count. */
    private static final Set<EngagementStatus> SELECTED = EnumSet.of(EngagementStatus.SELECTED, EngagementStatus.TEAM_FORMED,
            EngagementStatus.IN_SUPPORT, EngagementStatus.SUPPORT_COMPLETED, EngagementStatus.REPORTED, EngagementStatus.CLOSED);

    private final LimitsProperties properties;
    private final QueryRunner queries;

    public SelectionLimits(LimitsProperties properties, QueryRunner queries) {
        this.properties = properties;
        this.queries = queries;
    }

    /** Every configured limit of the fiscal year for the bureau (or all bureaus). */
    public Mono<List<LimitStatus>> status(Integer fiscalYear, String bureau) {
        List<SelectionLimit> limits = properties.selectionLimits().stream()
                .filter(l -> fiscalYear == null || l.fiscalYear() == fiscalYear).toList();
        List<Bureau> bureaus = ReferenceData.get().bureaus().stream()
                .filter(b -> bureau == null || b.code().equals(bureau)).toList();
        return Flux.fromIterable(bureaus)
                .concatMap(b -> Flux.fromIterable(limits).concatMap(l -> count(b, l)))
                .collectList();
    }

    private Mono<LimitStatus> count(Bureau bureau, SelectionLimit limit) {
        return queries.list(new ListEngagements(bureau.code(), limit.fiscalYear(), limit.programme(), null), EngagementSummary.class)
                .map(rows -> {
                    List<EngagementSummary> selected = rows.stream().filter(r -> SELECTED.contains(r.status()))
                            .filter(r -> limit.engagementType() == null || limit.engagementType() == r.engagementType()).toList();
                    return new LimitStatus(bureau.code(), bureau.nameJa(), limit.programme(), limit.fiscalYear(),
                            new FiscalYear(limit.fiscalYear()).label(), limit.engagementType(),
                            limit.engagementType() == null ? "" : limit.engagementType().label(), limit.perBureau(),
                            selected.size(), selected.size() > limit.perBureau(),
                            selected.stream().map(EngagementSummary::municipalityName).toList());
                });
    }
}
