package casebook.demo;

import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.ProcedureKind;
import casebook.kernel.grant.Recipient;
import casebook.kernel.grant.RecipientKind;
import casebook.kernel.grant.command.OpenGrantCase;
import casebook.kernel.grant.command.OpenProcedure;
import casebook.kernel.grant.command.RecordGrantStep;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds the commands of one demo grant case; procedures get the default calendar of their grant type. */
final class GrantScript {

    /** Seeds leave amounts blank (DOMAIN.md §7.2); every demo amount says so. */
    static final String DEMO_AMOUNT = "デモ用の金額（実額ではありません）";

    private final String fixture;
    private final String caseId;
    private final List<DemoStep> steps = new ArrayList<>();
    private String procedureId;

    private GrantScript(String fixture) {
        this.fixture = fixture;
        this.caseId = grantCaseId(fixture);
    }

    static String grantCaseId(String fixture) {
        return UUID.nameUUIDFromBytes(("demo:grant:" + fixture).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static GrantScript open(String fixture, GrantType type, RecipientKind kind, String code, int targetFiscalYear, LocalDate on) {
        GrantScript s = new GrantScript(fixture);
        s.steps.add(new DemoStep(fixture + ": open " + type.label() + " " + code + " FY" + targetFiscalYear,
                new OpenGrantCase(s.caseId, type, new Recipient(kind, code), targetFiscalYear, on)));
        return s;
    }

    /** Opens a procedure with its grant type's default calendar; the following steps belong to it. */
    GrantScript procedure(ProcedureKind kind, LocalDate on) {
        procedureId = UUID.nameUUIDFromBytes(("demo:grant:" + fixture + ":" + kind + ":" + steps.size())
                .getBytes(StandardCharsets.UTF_8)).toString();
        steps.add(new DemoStep(fixture + ": open " + kind.label(), new OpenProcedure(caseId, procedureId, kind, null, on)));
        return this;
    }

    GrantScript step(GrantStep step, LocalDate on) {
        return step(step, on, null, null);
    }

    GrantScript step(GrantStep step, LocalDate on, Long amount, String noticeNo) {
        steps.add(new DemoStep(fixture + ": " + step.label() + " " + on,
                new RecordGrantStep(caseId, procedureId, step, on, amount, noticeNo, List.of(), amount == null ? null : DEMO_AMOUNT)));
        return this;
    }

    List<DemoStep> steps() {
        return List.copyOf(steps);
    }
}
