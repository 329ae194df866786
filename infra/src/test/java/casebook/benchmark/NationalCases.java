package casebook.benchmark;

import casebook.kernel.reference.Bureau;
import casebook.kernel.reference.LocalGovernment;
import casebook.kernel.reference.ReferenceData;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The cases of a ten-year national store (fiscal years 2016-2025, all eight bureaus), as scripts of HTTP commands,
 * and the mix that hands them out so that any prefix of the sequence is a proportionate sample of the whole:
 * <ul>
 *   <li>municipal grants (地域支援事業交付金, every municipality every year in reality: the bulk of a real store):
 *   当初交付 with 事前協議, 内示, 申請, 審査, 支出負担行為示達, 交付決定決裁 (a supervisor), 通知 and 支払; sometimes 変更交付
 *   and 調整交付金; 前年度確定 with 実績報告 and 確定 in the following year, a refund when the confirmed amount is lower;
 *   sometimes 過年度再確定 two years on;</li>
 *   <li>prefectural grants (基金 施設分 and 人材分 to prefectures, 一体的実施 to 広域連合): 当初, sometimes 変更, 確定;</li>
 *   <li>support engagements: 加速化 with selection, advisors, the seven milestones planned and held with
 *   participants, agenda and summary, a decision at each, homework added and completed, an output and the closure;
 *   在宅医療・介護連携 with its three visits;</li>
 *   <li>inquiries (疑義照会): received, assigned, sometimes escalated to the ministry, answered, closed.</li>
 * </ul>
 * Each stream walks (rank, year, bureau) so the years and bureaus fill evenly; rank r is the r-th municipality of the
 * bureau in a fixed shuffled order. Municipal grants run out at 1,741 municipalities × 10 years; then the other
 * streams take the budget.
 */
final class NationalCases {

    static final int FIRST_YEAR = 2016;
    static final int YEARS = 10;

    /** Sends one command as a user; answers its JSON; throws to end the script. */
    interface Commands {
        JsonNode send(String user, String method, String path, Object body);
    }

    /** One case, start to end (or until the budget runs out). */
    record Script(Stream stream, String label, Runnable1 body) {
    }

    interface Runnable1 {
        void run(Commands c);
    }

    enum Stream {
        MUNICIPAL_GRANTS(0.55, 27), PREFECTURAL_GRANTS(0.15, 24), ENGAGEMENTS(0.22, 30), INQUIRIES(0.08, 5);

        final double share;
        final int eventsPerCase;

        Stream(double share, int eventsPerCase) {
            this.share = share;
            this.eventsPerCase = eventsPerCase;
        }
    }

    final List<String> bureaus;
    private final List<List<LocalGovernment>> municipalities = new ArrayList<>();
    private final List<List<LocalGovernment>> engagementMunicipalities = new ArrayList<>();
    private final List<LocalGovernment> prefectures;
    private final int maxRank;
    private final long[] next = new long[Stream.values().length];
    private final double[] estimated = new double[Stream.values().length];
    private final boolean[] exhausted = new boolean[Stream.values().length];
    private final long[] started = new long[Stream.values().length];

    NationalCases() {
        ReferenceData ref = ReferenceData.get();
        bureaus = ref.bureaus().stream().map(Bureau::code).distinct().sorted().toList();
        int max = 0;
        for (String b : bureaus) {
            List<LocalGovernment> list = new ArrayList<>(ref.all().stream().filter(LocalGovernment::isBasicLocalGovernment)
                    .filter(lg -> b.equals(ref.bureauOf(lg).code())).toList());
            Collections.shuffle(list, new Random(b.hashCode()));
            municipalities.add(List.copyOf(list));
            Collections.shuffle(list, new Random(b.hashCode() + 1L));
            engagementMunicipalities.add(List.copyOf(list));
            max = Math.max(max, list.size());
        }
        maxRank = max;
        List<LocalGovernment> prefs = new ArrayList<>(ref.all().stream().filter(LocalGovernment::isPrefecture).toList());
        Collections.shuffle(prefs, new Random(47));
        prefectures = List.copyOf(prefs);
    }

    int municipalityCount() {
        return municipalities.stream().mapToInt(List::size).sum();
    }

    int prefectureCount() {
        return prefectures.size();
    }

    long started(Stream s) {
        synchronized (this) {
            return started[s.ordinal()];
        }
    }

    /**
     * Passes over the cases a store kept by an earlier run already holds, without sending anything: the cases come in
     * one fixed order, so taking them until as many grant cases, engagements and inquiries have been started as the
     * store holds reaches where that run stopped (a case or two further when the store also holds as-of cases).
     */
    synchronized void skipStarted(long grantCases, long engagements, long inquiries) {
        while (started[Stream.MUNICIPAL_GRANTS.ordinal()] + started[Stream.PREFECTURAL_GRANTS.ordinal()] < grantCases
                || started[Stream.ENGAGEMENTS.ordinal()] < engagements || started[Stream.INQUIRIES.ordinal()] < inquiries) {
            next();
        }
    }

    /** The next case of the stream furthest below its share of the events. */
    synchronized Script next() {
        while (true) {
            Stream pick = null;
            for (Stream s : Stream.values()) {
                if (!exhausted[s.ordinal()] && (pick == null
                        || estimated[s.ordinal()] / s.share < estimated[pick.ordinal()] / pick.share)) {
                    pick = s;
                }
            }
            if (pick == null) {
                throw new IllegalStateException("every stream of cases is exhausted");
            }
            Script script = scriptOf(pick);
            if (script != null) {
                estimated[pick.ordinal()] += pick.eventsPerCase;
                started[pick.ordinal()]++;
                return script;
            }
        }
    }

    /** The stream's next case, or null (and the stream marked exhausted) when it has none left. */
    private Script scriptOf(Stream s) {
        int b = bureaus.size();
        while (true) {
            long i = next[s.ordinal()]++;
            Random rnd = new Random(s.ordinal() * 1_000_003L + i);
            int year = FIRST_YEAR + (int) ((i / b) % YEARS);
            int bureau = (int) (i % b);
            long rank = i / ((long) b * YEARS);
            switch (s) {
                case MUNICIPAL_GRANTS -> {
                    if (rank >= maxRank) {
                        exhausted[s.ordinal()] = true;
                        return null;
                    }
                    List<LocalGovernment> list = municipalities.get(bureau);
                    if (rank >= list.size()) {
                        continue;
                    }
                    LocalGovernment m = list.get((int) rank);
                    String bc = bureaus.get(bureau);
                    return new Script(s, "地域支援事業交付金 " + m.name() + " " + year,
                            c -> grantCase(c, rnd, "CHIIKI_SHIEN_JIGYO", "MUNICIPALITY", m.code(), bc, year));
                }
                case PREFECTURAL_GRANTS -> {
                    int y = FIRST_YEAR + (int) (i % YEARS);
                    int type = (int) ((i / YEARS) % 3);
                    long p = i / (YEARS * 3L);
                    if (p >= prefectures.size()) {
                        exhausted[s.ordinal()] = true;
                        return null;
                    }
                    LocalGovernment pref = prefectures.get((int) p);
                    String bc = ReferenceData.get().bureauOf(pref).code();
                    String grant = List.of("KIKIN_SHISETSU", "KIKIN_JINZAI", "KOKI_ITTAI").get(type);
                    String kind = type == 2 ? "KOIKI_RENGO" : "PREFECTURE";
                    return new Script(s, grant + " " + pref.name() + " " + y,
                            c -> grantCase(c, rnd, grant, kind, pref.code(), bc, y));
                }
                case ENGAGEMENTS -> {
                    if (rank >= maxRank) {
                        exhausted[s.ordinal()] = true;
                        return null;
                    }
                    List<LocalGovernment> list = engagementMunicipalities.get(bureau);
                    if (rank >= list.size()) {
                        continue;
                    }
                    LocalGovernment m = list.get((int) rank);
                    String bc = bureaus.get(bureau);
                    boolean zaitaku = rank % 3 == 2;
                    return new Script(s, (zaitaku ? "在宅医療・介護連携 " : "加速化 ") + m.name() + " " + year,
                            c -> {
                                if (zaitaku) {
                                    zaitaku(c, rnd, m, bc, year);
                                } else {
                                    kasokuka(c, rnd, m, bc, year, true);
                                }
                            });
                }
                case INQUIRIES -> {
                    List<LocalGovernment> list = municipalities.get(bureau);
                    LocalGovernment m = list.get(rnd.nextInt(list.size()));
                    String bc = bureaus.get(bureau);
                    return new Script(s, "疑義照会 " + m.name() + " " + year, c -> inquiry(c, rnd, m, bc, year));
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    // ------------------------------------------------------------------ grant cases

    static void grantCase(Commands c, Random rnd, String grantType, String recipientKind, String code, String bureau, int fy) {
        String officer = Api.officer(bureau);
        String id = c.send(officer, "POST", "/api/grant-cases", Map.of("grantType", grantType,
                "recipient", Map.of("kind", recipientKind, "code", code), "targetFiscalYear", fy)).get("id").asText();
        String path = "/api/grant-cases/" + id;
        long requested = (20 + rnd.nextInt(480)) * 100_000L; // ¥2M-¥50M
        long paid = procedureOfDecision(c, rnd, bureau, path, "INITIAL", fy, LocalDate.of(fy, 4, 8), requested);
        if (rnd.nextInt(10) < 3) {
            paid += procedureOfDecision(c, rnd, bureau, path, "CHANGE", fy, LocalDate.of(fy, 11, 4), requested / 10);
        }
        if (grantType.equals("CHIIKI_SHIEN_JIGYO") && rnd.nextInt(10) < 4) {
            String p = open(c, officer, path, "ADJUSTMENT", LocalDate.of(fy, 10, 1));
            long adjustment = requested / 20;
            step(c, officer, path, p, "SURVEY_REQUESTED", day(rnd, fy, 10), null, null);
            step(c, officer, path, p, "SURVEY_SUBMITTED", day(rnd, fy, 11), null, null);
            step(c, officer, path, p, "AMOUNT_CALCULATED", day(rnd, fy + 1, 1), adjustment, null);
            step(c, officer, path, p, "PROVISIONAL_NOTIFIED", day(rnd, fy + 1, 2), adjustment, "厚生局発第" + (100 + rnd.nextInt(900)) + "号");
            step(c, officer, path, p, "PAID", day(rnd, fy + 1, 3), adjustment, null);
        }
        confirmation(c, rnd, officer, path, "CONFIRMATION", fy + 1, paid);
        if (grantType.equals("CHIIKI_SHIEN_JIGYO") && rnd.nextInt(10) == 0) {
            confirmation(c, rnd, officer, path, "RECONFIRMATION", fy + 2, paid);
        }
    }

    /** 当初 or 変更交付: from 事前協議 to 支払; answers the amount paid. */
    private static long procedureOfDecision(Commands c, Random rnd, String bureau, String path, String kind, int fy,
                                            LocalDate opened, long requested) {
        String officer = Api.officer(bureau);
        String p = open(c, officer, path, kind, opened);
        int m = kind.equals("INITIAL") ? 4 : 11;
        long provisional = requested - requested % 1000 - rnd.nextInt(5) * (requested / 50); // 内示: up to 8 % less
        step(c, officer, path, p, "PRECONSULTATION_REQUESTED", day(rnd, fy, m), null, null);
        step(c, officer, path, p, "PRECONSULTATION_SUBMITTED", day(rnd, fy, m + 1), requested, null,
                List.of("事前協議書", "事業計画書"));
        step(c, officer, path, p, "PROVISIONAL_NOTIFIED", day(rnd, fy, m + 2), provisional, "厚生局発第" + (100 + rnd.nextInt(900)) + "号");
        step(c, officer, path, p, "APPLICATION_REQUESTED", day(rnd, fy, m + 2), null, null);
        step(c, officer, path, p, "APPLICATION_SUBMITTED", day(rnd, fy, m + 3), provisional, null,
                List.of("交付申請書", "所要額調書", "事業計画書"));
        step(c, officer, path, p, "REVIEWED", day(rnd, fy, m + 3), null, null);
        step(c, officer, path, p, "EXPENDITURE_AUTHORITY_RECEIVED", day(rnd, fy, m + 4), provisional, null);
        LocalDate decided = day(rnd, fy, m + 5);
        step(c, Api.supervisor(bureau), path, p, "DECISION_APPROVED", decided, provisional, null);
        step(c, officer, path, p, "DECISION_NOTIFIED", decided, null, "厚生局発第" + (100 + rnd.nextInt(900)) + "号");
        step(c, officer, path, p, "PAID", day(rnd, fy, m + 6), provisional, null);
        return provisional;
    }

    private static void confirmation(Commands c, Random rnd, String officer, String path, String kind, int year, long paid) {
        String p = open(c, officer, path, kind, LocalDate.of(year, 4, 1));
        long reported = paid - (rnd.nextInt(3) == 0 ? (1 + rnd.nextInt(20)) * 10_000L : 0);
        step(c, officer, path, p, "REPORT_REQUESTED", day(rnd, year, 4), null, null);
        step(c, officer, path, p, "REPORT_SUBMITTED", day(rnd, year, 5), reported, null, List.of("事業実績報告書", "精算書"));
        step(c, officer, path, p, "REVIEWED", day(rnd, year, 6), null, null);
        step(c, officer, path, p, "AMOUNT_CONFIRMED", day(rnd, year, 7), reported, null);
        step(c, officer, path, p, "CONFIRMATION_NOTIFIED", day(rnd, year, 7), null, "厚生局発第" + (100 + rnd.nextInt(900)) + "号");
        if (reported < paid) {
            step(c, officer, path, p, "REFUND_ORDERED", day(rnd, year, 8), paid - reported, null);
            step(c, officer, path, p, "REFUND_RECEIVED", day(rnd, year, 9), paid - reported, null);
        }
    }

    private static String open(Commands c, String officer, String path, String kind, LocalDate on) {
        return c.send(officer, "POST", path + "/procedures", Map.of("kind", kind)).get("procedureId").asText();
    }

    private static void step(Commands c, String user, String path, String procedure, String step, LocalDate on, Long amount,
                             String noticeNo) {
        step(c, user, path, procedure, step, on, amount, noticeNo, null);
    }

    private static void step(Commands c, String user, String path, String procedure, String step, LocalDate on, Long amount,
                             String noticeNo, List<String> documents) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("on", on.toString());
        if (amount != null) {
            body.put("amount", amount);
        }
        if (noticeNo != null) {
            body.put("noticeNo", noticeNo);
        }
        if (documents != null) {
            body.put("documents", documents);
        }
        c.send(user, "POST", path + "/procedures/" + procedure + "/steps/" + step, body);
    }

    /** A day in the month of the fiscal year's calendar (months past 12 roll into the next year). */
    private static LocalDate day(Random rnd, int year, int month) {
        return LocalDate.of(year + (month - 1) / 12, (month - 1) % 12 + 1, 1 + rnd.nextInt(20));
    }

    // ------------------------------------------------------------------ engagements

    private static final List<String> KASOKUKA = List.of("M0_5", "VISIT_1", "M1_5", "VISIT_2", "M2_5", "VISIT_3",
            "REPORT_MEETING");
    private static final List<String> THEMES = List.of("SERVICE_ACTIVITY", "RESIDENT_LED_SERVICES", "GATHERING_PLACES",
            "LIVING_SUPPORT_SYSTEM", "DEMENTIA", "COMMUNITY_CARE_MEETING", "CARE_PREVENTION", "MOBILITY_SUPPORT");

    static String kasokuka(Commands c, Random rnd, LocalGovernment m, String bureau, int fy, boolean close) {
        String officer = Api.officer(bureau);
        String id = register(c, rnd, officer, "KASOKUKA", m, fy);
        String path = "/api/engagements/" + id;
        c.send(officer, "POST", path + "/selection", Map.of("selectedOn", LocalDate.of(fy, 6, 20 + rnd.nextInt(10)).toString(),
                "selectedBy", "BUREAU"));
        advisors(c, rnd, officer, path, 1 + rnd.nextInt(2));
        List<LocalDate> dates = List.of(LocalDate.of(fy, 7, 10), LocalDate.of(fy, 8, 20), LocalDate.of(fy, 9, 25),
                LocalDate.of(fy, 10, 28), LocalDate.of(fy, 11, 26), LocalDate.of(fy, 12, 16), LocalDate.of(fy + 1, 2, 18));
        for (int i = 0; i < KASOKUKA.size(); i++) {
            boolean online = KASOKUKA.get(i).startsWith("M");
            c.send(officer, "PUT", path + "/milestones/" + KASOKUKA.get(i) + "/plan", Map.of("plannedOn",
                    dates.get(i).plusDays(rnd.nextInt(5)).toString(), "startTime", "13:30", "endTime", online ? "14:30" : "16:00",
                    "mode", online ? "ONLINE" : "ONSITE"));
        }
        String first = homework(c, officer, path, m, "現状の通いの場・サービス・活動の一覧を整理する", "VISIT_1");
        String second = homework(c, officer, path, m, "生活支援コーディネーターと協議体の役割分担案を作る", "VISIT_3");
        for (int i = 0; i < KASOKUKA.size(); i++) {
            String milestone = KASOKUKA.get(i);
            boolean online = milestone.startsWith("M");
            String on = dates.get(i).plusDays(rnd.nextInt(5)).toString();
            c.send(officer, "POST", path + "/milestones/" + milestone + "/held", held(rnd, m, bureau, on, online));
            c.send(officer, "POST", path + "/decisions", Map.of("decidedOn", on, "milestone", milestone,
                    "text", "次回までに" + m.name() + "は" + List.of("地域資源の一覧", "住民アンケートの結果", "協議体の議事録",
                            "事業の見直し案").get(rnd.nextInt(4)) + "を共有し、厚生局は他自治体の事例を紹介する"));
            if (milestone.equals("M0_5")) {
                c.send(officer, "POST", path + "/homework/" + first + "/completion", Map.of("completedOn", on, "note", "整理済み"));
            }
            if (milestone.equals("M2_5")) {
                c.send(officer, "POST", path + "/homework/" + second + "/completion", Map.of("completedOn", on, "note", "案を作成"));
            }
        }
        String last = dates.get(KASOKUKA.size() - 1).toString();
        c.send(officer, "POST", path + "/outputs", Map.of("kind", "ROADMAP_DRAFT", "title", m.name() + " 地域づくりロードマップ案",
                "milestone", "REPORT_MEETING", "producedOn", last));
        if (close) {
            c.send(officer, "POST", path + "/closure", Map.of("closedOn", LocalDate.of(fy + 1, 3, 25).toString(),
                    "outcomeSummary", "住民主体の活動の担い手の確保に向けた工程表を作成した"));
        }
        return id;
    }

    private static void zaitaku(Commands c, Random rnd, LocalGovernment m, String bureau, int fy) {
        String officer = Api.officer(bureau);
        String id = register(c, rnd, officer, "ZAITAKU_RENKEI", m, fy);
        String path = "/api/engagements/" + id;
        c.send(officer, "POST", path + "/selection", Map.of("selectedOn", LocalDate.of(fy, 9, 2).toString(), "selectedBy", "MHLW"));
        advisors(c, rnd, officer, path, 2);
        List<String> visits = List.of("VISIT_1", "VISIT_2", "VISIT_3");
        List<LocalDate> dates = List.of(LocalDate.of(fy, 10, 16), LocalDate.of(fy + 1, 1, 8), LocalDate.of(fy + 1, 2, 27));
        for (int i = 0; i < visits.size(); i++) {
            c.send(officer, "PUT", path + "/milestones/" + visits.get(i) + "/plan", Map.of("plannedOn", dates.get(i).toString(),
                    "mode", "ONSITE"));
        }
        String item = homework(c, officer, path, m, "入退院支援の現状を関係機関から聞き取る", "VISIT_2");
        for (int i = 0; i < visits.size(); i++) {
            String on = dates.get(i).toString();
            c.send(officer, "POST", path + "/milestones/" + visits.get(i) + "/held", held(rnd, m, bureau, on, false));
            c.send(officer, "POST", path + "/decisions", Map.of("decidedOn", on, "milestone", visits.get(i),
                    "text", "多職種連携の研修会を企画し、在宅医療・介護連携部会で検討する"));
            if (i == 0) {
                c.send(officer, "POST", path + "/homework/" + item + "/completion", Map.of("completedOn", on));
            }
        }
        c.send(officer, "POST", path + "/closure", Map.of("closedOn", LocalDate.of(fy + 1, 3, 25).toString()));
    }

    private static String register(Commands c, Random rnd, String officer, String programme, LocalGovernment m, int fy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programme", programme);
        if (programme.equals("KASOKUKA")) {
            body.put("engagementType", rnd.nextInt(4) == 0 ? "PREFECTURE_LED" : "BUREAU_LED");
        }
        body.put("fiscalYear", fy);
        body.put("municipalityCode", m.code());
        body.put("themes", List.of(Map.of("code", THEMES.get(rnd.nextInt(THEMES.size())), "detail", "住民主体の活動の立ち上げ"),
                Map.of("code", THEMES.get(rnd.nextInt(THEMES.size())), "detail", "関係者の役割分担")));
        body.put("applicationBackground", m.name() + "では高齢化率が上がり、担い手の確保と通いの場の継続が課題になっている。"
                + "庁内の関係課と地域の関係者が同じ方向を向いて取り組めるよう、伴走支援を希望する。");
        return c.send(officer, "POST", "/api/engagements", body).get("id").asText();
    }

    private static void advisors(Commands c, Random rnd, String officer, String path, int count) {
        for (int i = 0; i < count; i++) {
            c.send(officer, "POST", path + "/advisors", Map.of("name", List.of("佐藤 一郎", "鈴木 花子", "高橋 健", "田中 美咲").get(rnd.nextInt(4)),
                    "affiliation", List.of("国立保健医療科学院", "地域包括ケア研究所", "大学 社会福祉学部").get(rnd.nextInt(3)),
                    "title", "アドバイザー"));
        }
    }

    private static String homework(Commands c, String officer, String path, LocalGovernment m, String what, String dueBefore) {
        return c.send(officer, "POST", path + "/homework", Map.of("description", what, "owner", m.name(),
                "dueBefore", dueBefore)).get("itemId").asText();
    }

    private static Map<String, Object> held(Random rnd, LocalGovernment m, String bureau, String on, boolean online) {
        return Map.of("heldOn", on, "startTime", "13:30", "endTime", online ? "14:30" : "16:00",
                "mode", online ? "ONLINE" : "ONSITE", "place", online ? "オンライン" : m.name() + "役場 会議室",
                "participants", List.of(
                        Map.of("organisation", m.name(), "department", "高齢福祉課", "role", "課長ほか", "headcount", 2 + rnd.nextInt(4)),
                        Map.of("organisation", m.name() + "社会福祉協議会", "department", "地域福祉係", "headcount", 1 + rnd.nextInt(3)),
                        Map.of("organisation", m.prefecture(), "department", "長寿社会課", "headcount", 1),
                        Map.of("organisation", bureau + " 厚生局", "department", "地域包括ケア推進課", "headcount", 2)),
                "agenda", List.of("前回からの進捗の確認", "地域資源と課題の整理", "次回までの宿題の確認"),
                "summary", "通いの場の担い手不足について、社会福祉協議会と役割分担を確認した。住民の声を聞く場を設け、"
                        + "次回までに関係者で課題を整理する。");
    }

    // ------------------------------------------------------------------ inquiries

    private static void inquiry(Commands c, Random rnd, LocalGovernment m, String bureau, int fy) {
        String officer = Api.officer(bureau);
        LocalDate received = LocalDate.of(fy, 4 + rnd.nextInt(9), 1 + rnd.nextInt(28));
        String id = c.send(officer, "POST", "/api/inquiries", Map.of("fromKind", "MUNICIPALITY", "fromCode", m.code(),
                "channel", List.of("EMAIL", "PHONE", "DOCUMENT").get(rnd.nextInt(3)), "receivedOn", received.toString(),
                "subject", "交付申請の対象経費について", "question", "地域支援事業交付金の対象経費に、通いの場の会場借上げ料を含めてよいか。",
                "grantType", "CHIIKI_SHIEN_JIGYO")).get("id").asText();
        String path = "/api/inquiries/" + id;
        c.send(officer, "POST", path + "/assignment", Map.of("officer", officer, "assignedOn", received.toString()));
        if (rnd.nextInt(5) == 0) {
            c.send(officer, "POST", path + "/escalation", Map.of("escalatedOn", received.plusDays(2).toString(),
                    "question", "会場借上げ料の扱いについて本省の見解を伺う。"));
            c.send(officer, "POST", path + "/ministry-answer", Map.of("on", received.plusDays(9).toString(),
                    "answer", "事業の実施に直接必要な経費であれば対象とする。"));
        }
        c.send(officer, "POST", path + "/answer", Map.of("on", received.plusDays(10).toString(),
                "answer", "事業の実施に直接必要な会場借上げ料は対象経費に含めて差し支えない。"));
        c.send(officer, "POST", path + "/closure", Map.of("closedOn", received.plusDays(11).toString()));
    }
}
