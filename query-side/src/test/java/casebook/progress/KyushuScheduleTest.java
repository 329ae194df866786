package casebook.progress;

import static casebook.testing.Events.held;
import static casebook.testing.Events.registered;
import static casebook.testing.Events.selected;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.engagement.EngagementStatus;
import casebook.kernel.engagement.MilestoneStatus;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.query.EngagementSummary;
import casebook.kernel.engagement.query.ListEngagements;
import casebook.kernel.engagement.query.MatrixCell;
import casebook.kernel.engagement.query.MatrixColumn;
import casebook.kernel.engagement.query.MatrixRow;
import casebook.kernel.engagement.query.MatrixView;
import casebook.kernel.engagement.query.MilestoneMatrix;
import casebook.testing.EmbeddedMongo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Kyushu FY2024 支援スケジュール (DOMAIN.md §2.5) recorded as held, read back as the milestone matrix. */
class KyushuScheduleTest {

    private static final String[] KEYS = {"M0_5", "VISIT_1", "M1_5", "VISIT_2", "M2_5", "VISIT_3", "REPORT_MEETING"};
    /** Municipality code, then per milestone "date" or "date start-end", exactly as the seed table reads. */
    private static final String[][] SEED = {
            {"402036", "2024-08-07 15:00-16:30", "2024-10-03", "2024-10-18 10:00-11:30", "2024-11-08",
                    "2024-12-24 15:00-16:30", "2025-02-05", "2025-03-07"},
            {"406015", "2024-08-05 13:30-15:00", "2024-10-02", "2024-11-11 13:30-15:00", "2024-12-17",
                    "2025-01-14 13:30-15:00", "2025-01-30", "2025-03-07"},
            {"413879", "2024-07-31 14:00-15:30", "2024-10-10", "2024-11-11 15:30-17:00", "2024-12-23",
                    "2025-01-21 13:00-14:30", "2025-02-18", "2025-03-07"}};

    private static EmbeddedMongo mongo;
    private EngagementQueries queries;
    private Feed feed;

    @BeforeAll
    static void startServer() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    @BeforeEach
    void setUp() {
        var db = mongo.freshDatabase();
        feed = new Feed(new EngagementProjection(db));
        queries = new EngagementQueries(db);
        // recorded out of code order, so the matrix must sort; plus rows the matrix must leave out
        for (int i : new int[] {2, 0, 1}) {
            recordSeedRow(SEED[i]);
        }
        feed.send(registered("genkai-zaitaku", "413879", Programme.ZAITAKU_RENKEI, 2024, LocalDate.of(2024, 5, 1)));
        feed.send(registered("kurume-2025", "402036", Programme.KASOKUKA, 2025, LocalDate.of(2025, 5, 1)));
    }

    @Test
    void theMatrixReadsExactlyAsTheSeedTableSortedByMunicipalityCode() {
        MatrixView matrix = queries.matrix(new MilestoneMatrix("kyushu", 2024, Programme.KASOKUKA));

        assertThat(matrix.fiscalYearLabel()).isEqualTo("令和6年度");
        assertThat(matrix.columns()).extracting(MatrixColumn::key).containsExactly(KEYS);
        assertThat(matrix.columns()).extracting(MatrixColumn::label)
                .containsExactly("0.5mtg", "１回目支援", "1.5mtg", "２回目支援", "2.5mtg", "３回目支援", "報告会");
        assertThat(matrix.rows()).extracting(MatrixRow::municipalityName).containsExactly("久留米市", "香春町", "玄海町");
        List<String[]> read = new ArrayList<>();
        for (MatrixRow row : matrix.rows()) {
            String[] line = new String[KEYS.length + 1];
            line[0] = row.municipalityCode();
            for (int k = 0; k < KEYS.length; k++) {
                MatrixCell cell = row.cells().get(KEYS[k]);
                assertThat(cell.status()).isEqualTo(MilestoneStatus.HELD);
                line[k + 1] = cell.heldOn() + (cell.startTime() == null ? "" : " " + cell.startTime() + "-" + cell.endTime());
            }
            read.add(line);
        }
        assertThat(read).containsExactly(SEED);
    }

    @Test
    void theEngagementsHaveReportedAndHaveNoNextMilestone() {
        var list = queries.list(new ListEngagements("kyushu", 2024, Programme.KASOKUKA, null));

        assertThat(list).hasSize(3);
        assertThat(list).extracting(EngagementSummary::status).containsOnly(EngagementStatus.REPORTED);
        assertThat(list).extracting(EngagementSummary::nextMilestone).containsOnlyNulls();
    }

    @Test
    void aMatrixForAnotherFiscalYearOrProgrammeHoldsOnlyItsOwnRows() {
        assertThat(queries.matrix(new MilestoneMatrix("kyushu", 2025, null)).rows())
                .extracting(MatrixRow::engagementId).containsExactly("kurume-2025");
        MatrixView zaitaku = queries.matrix(new MilestoneMatrix("kyushu", 2024, Programme.ZAITAKU_RENKEI));
        assertThat(zaitaku.columns()).extracting(MatrixColumn::key).containsExactly("VISIT_1", "VISIT_2", "VISIT_3");
        assertThat(zaitaku.rows()).singleElement().satisfies(r -> assertThat(r.cells().get("VISIT_1").status())
                .isEqualTo(MilestoneStatus.NOT_PLANNED));
        assertThat(queries.matrix(new MilestoneMatrix("kantoshinetsu", 2024, null)).rows()).isEmpty();
    }

    private void recordSeedRow(String[] row) {
        String id = "kyushu-2024-" + row[0];
        feed.send(registered(id, row[0], Programme.KASOKUKA, 2024, LocalDate.of(2024, 5, 15)),
                selected(id, LocalDate.of(2024, 6, 3)));
        for (int k = 0; k < KEYS.length; k++) {
            String[] parts = row[k + 1].split("[ -]");
            LocalDate on = LocalDate.parse(row[k + 1].substring(0, 10));
            String start = parts.length > 3 ? parts[3] : null;
            String end = parts.length > 4 ? parts[4] : null;
            feed.send(held(id, KEYS[k], on, start, end));
        }
    }
}
