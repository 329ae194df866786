package casebook.e2e;

import static casebook.e2e.SecurityMatrix.Kind.CONSULTATION;
import static casebook.e2e.SecurityMatrix.Kind.ENGAGEMENT;
import static casebook.e2e.SecurityMatrix.Kind.GRANT;
import static casebook.e2e.SecurityMatrix.Kind.INQUIRY;
import static casebook.e2e.SecurityMatrix.Scope.CASE;
import static casebook.e2e.SecurityMatrix.Scope.CREATE;
import static casebook.e2e.SecurityMatrix.Scope.NONE;

import casebook.security.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpMethod;

/** The endpoint table of docs/SECURITY.md as data: one row per endpoint. */
final class SecurityMatrix {

    private SecurityMatrix() {
    }

    enum Kind { ENGAGEMENT, GRANT, INQUIRY, CONSULTATION }

    /** How the bureau enters: a case named in the request, the bureau of a case being opened, or not at all. */
    enum Scope { CASE, CREATE, NONE }

    enum Outcome { ALLOWED, FORBIDDEN, HIDDEN, UNAUTHENTICATED }

    /** A demo user; bureau null for every bureau. */
    record User(String name, Role role, String bureau) {
    }

    static final List<User> USERS = List.of(new User("officer-kyushu", Role.CASE_OFFICER, "kyushu"),
            new User("officer-kanto", Role.CASE_OFFICER, "kantoshinetsu"),
            new User("supervisor-kyushu", Role.SUPERVISOR, "kyushu"),
            new User("auditor", Role.AUDITOR, null), new User("admin", Role.ADMIN, null));

    static final Set<Role> READ = EnumSet.of(Role.CASE_OFFICER, Role.SUPERVISOR, Role.AUDITOR);
    static final Set<Role> AUDIT = EnumSet.of(Role.SUPERVISOR, Role.AUDITOR);
    static final Set<Role> WRITE = EnumSet.of(Role.CASE_OFFICER, Role.SUPERVISOR);
    static final Set<Role> SUPERVISE = EnumSet.of(Role.SUPERVISOR);
    static final Set<Role> ADMINISTER = EnumSet.of(Role.ADMIN);
    static final Set<Role> ANYONE_SIGNED_IN = EnumSet.allOf(Role.class);

    /**
     * @param path with {E} {G} {I} {C} for the case of that kind in the bureau tried, {B} for that bureau
     * @param body the request body for a bureau (the municipality of a case being opened), or null
     */
    record Row(HttpMethod method, String path, Kind kind, Scope scope, Set<Role> roles, Function<String, Object> body) {

        String uri(Map<Kind, String> ids, String bureau) {
            return path.replace("{E}", ids.get(ENGAGEMENT)).replace("{G}", ids.get(GRANT)).replace("{I}", ids.get(INQUIRY))
                    .replace("{C}", ids.get(CONSULTATION)).replace("{B}", bureau);
        }

        String caseId(Map<Kind, String> ids) {
            return scope == CASE ? ids.get(kind) : null;
        }

        Object body(String bureau) {
            return body == null ? null : body.apply(bureau);
        }

        Outcome expected(User user, boolean ownBureau) {
            if (!roles.contains(user.role())) {
                return Outcome.FORBIDDEN;
            }
            if (user.bureau() == null || ownBureau) {
                return Outcome.ALLOWED;
            }
            return switch (scope) {
                case CASE -> Outcome.HIDDEN;
                case CREATE -> Outcome.FORBIDDEN;
                case NONE -> Outcome.ALLOWED;
            };
        }
    }

    private static Row get(String path, Kind kind, Scope scope, Set<Role> roles) {
        return new Row(HttpMethod.GET, path, kind, scope, roles, null);
    }

    private static Row post(String path, Kind kind, Set<Role> roles, Map<String, ?> body) {
        return new Row(HttpMethod.POST, path, kind, CASE, roles, b -> body);
    }

    private static Row put(String path, Kind kind, Set<Role> roles, Map<String, ?> body) {
        return new Row(HttpMethod.PUT, path, kind, CASE, roles, b -> body);
    }

    private static Row create(String path, Function<String, Object> body) {
        return new Row(HttpMethod.POST, path, null, CREATE, WRITE, body);
    }

    /** An administrator's endpoint: no case, no bureau; a body for POSTs that take one. */
    private static Row administer(HttpMethod method, String path, Map<String, ?> body) {
        return new Row(method, path, null, NONE, ADMINISTER, body == null ? null : b -> body);
    }

    private static String municipality(String bureau) {
        return bureau.equals("kyushu") ? "406015" : "082341";
    }

    static final List<Row> ROWS = List.of(
            // Session and reference data (the browser UI's)
            get("/api/me", null, NONE, ANYONE_SIGNED_IN),
            get("/api/reference/bureaus", null, NONE, ANYONE_SIGNED_IN),
            get("/api/reference/local-governments?bureau={B}", null, NONE, ANYONE_SIGNED_IN),
            // Support engagements (伴走支援)
            get("/api/engagements?bureau={B}&fiscalYear=2025", null, NONE, READ),
            get("/api/engagements/{E}", ENGAGEMENT, CASE, READ),
            get("/api/progress/matrix?bureau={B}&fiscalYear=2025", null, NONE, READ),
            get("/api/homework?bureau={B}", null, NONE, READ),
            // the live matrix (server-sent events; the test app ends each stream after a second)
            get("/api/progress/matrix/stream?bureau={B}&fiscalYear=2025", null, NONE, READ),
            create("/api/engagements", b -> Map.of("programme", "ADVISOR_DISPATCH", "fiscalYear", 2026,
                    "municipalityCode", municipality(b))),
            post("/api/engagements/{E}/entry", ENGAGEMENT, WRITE, Map.of("enteredOn", "2026-04-10")),
            post("/api/engagements/{E}/selection", ENGAGEMENT, WRITE, Map.of("selectedOn", "2026-05-01", "selectedBy", "BUREAU")),
            post("/api/engagements/{E}/advisors", ENGAGEMENT, WRITE, Map.of("name", "権限 確認", "affiliation", "大学")),
            post("/api/engagements/{E}/advisors/a-unknown/removal", ENGAGEMENT, WRITE, Map.of("removedOn", "2026-05-01", "reason", "x")),
            put("/api/engagements/{E}/themes", ENGAGEMENT, WRITE, Map.of("themes", List.of(Map.of("code", "T01", "detail", "x")))),
            put("/api/engagements/{E}/milestones/VISIT_3/plan", ENGAGEMENT, WRITE, Map.of("plannedOn", "2026-02-10")),
            post("/api/engagements/{E}/milestones/VISIT_3/held", ENGAGEMENT, WRITE, Map.of("heldOn", "2026-02-10", "mode", "ONLINE")),
            post("/api/engagements/{E}/milestones/VISIT_3/cancellation", ENGAGEMENT, WRITE, Map.of("reason", "権限確認")),
            post("/api/engagements/{E}/milestones/VISIT_3/skip", ENGAGEMENT, SUPERVISE, Map.of("reason", "権限確認")),
            post("/api/engagements/{E}/findings", ENGAGEMENT, WRITE, Map.of("text", "権限確認")),
            post("/api/engagements/{E}/decisions", ENGAGEMENT, WRITE, Map.of("decidedOn", "2025-08-01", "text", "権限確認")),
            post("/api/engagements/{E}/homework", ENGAGEMENT, WRITE, Map.of("description", "権限確認")),
            post("/api/engagements/{E}/homework/h-unknown/completion", ENGAGEMENT, WRITE, Map.of("completedOn", "2025-08-02")),
            post("/api/engagements/{E}/homework/h-unknown/drop", ENGAGEMENT, WRITE, Map.of("reason", "権限確認")),
            post("/api/engagements/{E}/outputs", ENGAGEMENT, WRITE, Map.of("title", "権限確認")),
            // An unknown field keeps the check at the endpoint: a valid correction of the loader's record is 403 to
            // an officer by the authorship rule (CorrectionAuthorshipEndToEndTest), not by the role.
            post("/api/engagements/{E}/corrections", ENGAGEMENT, WRITE, Map.of("correctsEvent", 1, "reason", "権限確認",
                    "fields", Map.of("notAField", 1))),
            post("/api/engagements/{E}/non-selection", ENGAGEMENT, WRITE, Map.of("decidedOn", "2026-05-01")),
            post("/api/engagements/{E}/withdrawal", ENGAGEMENT, WRITE, Map.of("withdrawnOn", "2026-05-01", "reason", "権限確認")),
            post("/api/engagements/{E}/closure", ENGAGEMENT, WRITE, Map.of("closedOn", "2026-03-31")),
            // Grant cases (交付案件)
            get("/api/grant-cases?bureau={B}", null, NONE, READ),
            get("/api/grant-cases/{G}", GRANT, CASE, READ),
            get("/api/grants/deadlines?bureau={B}", null, NONE, READ),
            get("/api/grants/pending-approvals?bureau={B}", null, NONE, READ),
            create("/api/grant-cases", b -> Map.of("grantType", "KIKIN_SHISETSU", "targetFiscalYear", 2026,
                    "recipient", Map.of("kind", "MUNICIPALITY", "code", municipality(b)))),
            post("/api/grant-cases/{G}/procedures", GRANT, WRITE, Map.of("kind", "CHANGE")),
            post("/api/grant-cases/{G}/procedures/p-unknown/steps/APPLICATION_REQUESTED", GRANT, WRITE, Map.of("on", "2026-02-13")),
            // 交付決定決裁: a supervisor's approval.
            post("/api/grant-cases/{G}/procedures/p-unknown/steps/DECISION_APPROVED", GRANT, SUPERVISE,
                    Map.of("on", "2026-03-13", "amount", 1)),
            post("/api/grant-cases/{G}/corrections", GRANT, WRITE, Map.of("correctsEvent", 1, "reason", "権限確認",
                    "fields", Map.of("notAField", 1))),
            // Inquiries (問合せ)
            get("/api/inquiries?bureau={B}", null, NONE, READ),
            get("/api/inquiries/{I}", INQUIRY, CASE, READ),
            create("/api/inquiries", b -> Map.of("fromKind", "MUNICIPALITY", "fromCode", municipality(b), "channel", "EMAIL",
                    "receivedOn", "2026-11-02", "subject", "権限確認", "question", "権限確認")),
            post("/api/inquiries/{I}/assignment", INQUIRY, WRITE, Map.of("officer", "officer-kyushu")),
            post("/api/inquiries/{I}/escalation", INQUIRY, WRITE, Map.of("escalatedOn", "2026-11-04", "question", "権限確認")),
            post("/api/inquiries/{I}/ministry-answer", INQUIRY, WRITE, Map.of("on", "2026-11-05", "answer", "権限確認")),
            post("/api/inquiries/{I}/answer", INQUIRY, WRITE, Map.of("on", "2026-11-06", "answer", "権限確認")),
            post("/api/inquiries/{I}/closure", INQUIRY, WRITE, Map.of("closedOn", "2026-11-07")),
            post("/api/inquiries/{I}/reopening", INQUIRY, WRITE, Map.of("reopenedOn", "2026-11-08", "reason", "権限確認")),
            // 個別協議 (upper-limit consultations)
            get("/api/consultations?bureau={B}", null, NONE, READ),
            get("/api/consultations/{C}", CONSULTATION, CASE, READ),
            create("/api/consultations", b -> Map.of("municipalityCode", municipality(b), "fiscalYear", 2026, "capInputs",
                    Map.of("baselineActual", 180_000_000, "growthRate75Plus", 1.021, "capAmount", 183_780_000),
                    "plannedCost", 195_000_000, "excessAmount", 11_220_000, "reason", "SPECIAL_CIRCUMSTANCE")),
            post("/api/consultations/{C}/submission", CONSULTATION, WRITE, Map.of("submittedOn", "2026-01-10", "prefectureCode", "400009")),
            post("/api/consultations/{C}/review", CONSULTATION, WRITE, Map.of("reviewedOn", "2026-01-20")),
            post("/api/consultations/{C}/links", CONSULTATION, WRITE, Map.of("engagementId", "e-unknown")),
            post("/api/consultations/{C}/approval", CONSULTATION, SUPERVISE, Map.of("approvedOn", "2026-02-01",
                    "approvedExcessAmount", 11_220_000)),
            post("/api/consultations/{C}/rejection", CONSULTATION, SUPERVISE, Map.of("rejectedOn", "2026-02-01", "reason", "権限確認")),
            get("/api/limits?bureau={B}", null, NONE, READ),
            // Any case: audit trail, as-of views, retention, exports
            get("/api/cases/{E}/timeline", ENGAGEMENT, CASE, READ),
            get("/api/cases/{E}/state?asOfOccurred=2026-12-31", ENGAGEMENT, CASE, READ),
            get("/api/cases/{G}/steps", GRANT, CASE, READ),
            get("/api/cases/{E}/retention", ENGAGEMENT, CASE, READ),
            get("/api/exports/timeline.csv?caseId={G}", GRANT, CASE, READ),
            get("/api/exports/timeline.jsonl?caseId={G}", GRANT, CASE, READ),
            get("/api/audit/verify?caseId={G}", GRANT, CASE, READ),
            get("/api/audit/verify", null, NONE, READ),
            get("/api/audit/controls?bureau={B}&fiscalYear=2025", null, NONE, AUDIT),
            get("/api/audit/retention?bureau={B}&dueBy=2032-12-31", null, NONE, AUDIT),
            get("/api/exports/events.ndjson", null, NONE, ADMINISTER),
            // Long operations and metrics: the administrator's. The rebuild row names no processing group (404 for the
            // administrator) so that walking the matrix does not empty a read model under the other rows.
            administer(HttpMethod.GET, "/api/admin/operations", null),
            administer(HttpMethod.POST, "/api/admin/operations/verify", null),
            // The store holds events here, so the administrator's import is refused with 409 and writes nothing.
            administer(HttpMethod.POST, "/api/admin/operations/import", Map.of()),
            administer(HttpMethod.POST, "/api/admin/operations/rebuild/casebook.none", null),
            administer(HttpMethod.GET, "/actuator/prometheus", null),
            // Dead letters of the projections (ADR 0008)
            administer(HttpMethod.GET, "/api/admin/dead-letters", null),
            administer(HttpMethod.POST, "/api/admin/dead-letters/casebook.progress/retry", null),
            administer(HttpMethod.POST, "/api/admin/dead-letters/casebook.progress/letters/0/eviction", Map.of("reason", "権限確認")));
}
