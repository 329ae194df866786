package casebook.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import casebook.kernel.engagement.MilestoneKind;
import casebook.kernel.engagement.MilestoneSlot;
import casebook.kernel.engagement.ParticipantGroup;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.command.AddHomework;
import casebook.kernel.engagement.command.AssignAdvisor;
import casebook.kernel.engagement.command.CompleteHomework;
import casebook.kernel.engagement.command.PlanMilestone;
import casebook.kernel.engagement.command.RecordDecision;
import casebook.kernel.engagement.command.RecordFinding;
import casebook.kernel.engagement.command.RecordMilestoneHeld;
import casebook.kernel.engagement.command.RecordOutput;
import casebook.kernel.engagement.command.RegisterEngagement;
import casebook.kernel.reference.ReferenceData;
import casebook.kernel.time.FiscalYear;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoScenarioTest {

    private final List<DemoStep> steps = DemoScenario.steps();

    @Test
    void engagementIdsAreDeterministicAndOnePerFixture() {
        assertThat(DemoScenario.engagementId("F01"))
                .isEqualTo(UUID.nameUUIDFromBytes("demo:F01".getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(DemoScenario.steps()).isEqualTo(steps);

        List<String> registered = commands(RegisterEngagement.class).stream().map(RegisterEngagement::engagementId).toList();
        assertThat(registered).doesNotHaveDuplicates()
                .containsExactlyElementsOf(DemoScenario.FIXTURES.stream().map(DemoScenario::engagementId).toList());
    }

    @Test
    void everyStepBelongsToACaseOpenedBeforeIt() {
        Set<String> registered = new HashSet<>();
        for (DemoStep step : steps) {
            assertThat(step.description()).isNotBlank();
            if (step.command() instanceof RegisterEngagement r) {
                registered.add(r.engagementId());
            } else if (step.command() instanceof casebook.kernel.grant.command.OpenGrantCase g) {
                registered.add(g.grantCaseId());
            } else if (step.command() instanceof casebook.kernel.inquiry.command.ReceiveInquiry q) {
                registered.add(q.inquiryId());
            } else if (step.command() instanceof casebook.kernel.consultation.command.OpenUpperLimitConsultation c) {
                registered.add(c.consultationId());
            } else {
                assertThat(registered).as(step.description()).contains(engagementIdOf(step.command()));
            }
        }
    }

    @Test
    void itemIdsAreUniqueAndHomeworkIsCompletedOnlyAfterItWasSet() {
        List<String> ids = new ArrayList<>();
        commands(AddHomework.class).forEach(c -> ids.add(c.itemId()));
        commands(RecordDecision.class).forEach(c -> ids.add(c.decisionId()));
        commands(RecordFinding.class).forEach(c -> ids.add(c.findingId()));
        commands(RecordOutput.class).forEach(c -> ids.add(c.outputId()));
        commands(AssignAdvisor.class).forEach(c -> ids.add(c.advisorId()));
        assertThat(ids).doesNotHaveDuplicates().doesNotContainAnyElementsOf(DemoScenario.FIXTURES.stream()
                .map(DemoScenario::engagementId).toList());

        Set<String> set = new HashSet<>();
        for (DemoStep step : steps) {
            if (step.command() instanceof AddHomework h) {
                set.add(h.engagementId() + "/" + h.itemId());
            } else if (step.command() instanceof CompleteHomework c) {
                assertThat(set).as(step.description()).contains(c.engagementId() + "/" + c.itemId());
            }
        }
        assertThat(commands(CompleteHomework.class)).hasSameSizeAs(commands(AddHomework.class));
    }

    @Test
    void kyushuEngagementsHaveTheSevenMilestonesOfTheSeedTable() {
        // DOMAIN.md §2.5, [002 L2585-2627, L2647]
        Map<String, List<String>> table = Map.of(
                "F01", List.of("2024-08-07 15:00-16:30", "2024-10-03", "2024-10-18 10:00-11:30", "2024-11-08",
                        "2024-12-24 15:00-16:30", "2025-02-05", "2025-03-07"),
                "F02", List.of("2024-08-05 13:30-15:00", "2024-10-02", "2024-11-11 13:30-15:00", "2024-12-17",
                        "2025-01-14 13:30-15:00", "2025-01-30", "2025-03-07"),
                "F03", List.of("2024-07-31 14:00-15:30", "2024-10-10", "2024-11-11 15:30-17:00", "2024-12-23",
                        "2025-01-21 13:00-14:30", "2025-02-18", "2025-03-07"));
        List<String> kinds = Programme.KASOKUKA.sequence().stream().map(MilestoneKind::name).toList();
        table.forEach((fixture, cells) -> {
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 0; i < kinds.size(); i++) {
                expected.put(kinds.get(i), cells.get(i));
            }
            String id = DemoScenario.engagementId(fixture);
            Map<String, String> planned = new LinkedHashMap<>();
            commands(PlanMilestone.class).stream().filter(p -> p.engagementId().equals(id))
                    .forEach(p -> planned.put(p.milestone(), cell(p.plannedOn(), p.startTime(), p.endTime())));
            Map<String, String> held = new LinkedHashMap<>();
            commands(RecordMilestoneHeld.class).stream().filter(h -> h.engagementId().equals(id))
                    .forEach(h -> held.put(h.milestone(), cell(h.heldOn(), h.startTime(), h.endTime())));
            assertThat(planned).as(fixture + " planned").containsExactlyEntriesOf(expected);
            assertThat(held).as(fixture + " held").containsExactlyEntriesOf(expected);
        });
    }

    @Test
    void everyMunicipalityCodeResolves() {
        assertThat(commands(RegisterEngagement.class)).allSatisfy(r ->
                assertThat(ReferenceData.get().municipality(r.municipalityCode())).as(r.municipalityCode()).isPresent());
    }

    @Test
    void everyMilestoneKeyIsValidForItsProgramme() {
        Map<String, Programme> programmes = programmes();
        List<String[]> uses = new ArrayList<>(); // engagementId, milestone key
        commands(PlanMilestone.class).forEach(c -> uses.add(new String[] {c.engagementId(), c.milestone()}));
        commands(RecordMilestoneHeld.class).forEach(c -> uses.add(new String[] {c.engagementId(), c.milestone()}));
        commands(RecordFinding.class).forEach(c -> uses.add(new String[] {c.engagementId(), c.milestone()}));
        commands(RecordDecision.class).stream().filter(c -> c.milestone() != null)
                .forEach(c -> uses.add(new String[] {c.engagementId(), c.milestone()}));
        commands(RecordOutput.class).stream().filter(c -> c.milestone() != null)
                .forEach(c -> uses.add(new String[] {c.engagementId(), c.milestone()}));
        commands(AddHomework.class).forEach(c -> uses.add(new String[] {c.engagementId(), c.dueBefore()}));
        assertThat(uses).isNotEmpty().allSatisfy(u ->
                assertThat(MilestoneSlot.parse(u[1], programmes.get(u[0]))).as(u[1] + " in " + programmes.get(u[0])).isPresent());
    }

    @Test
    void milestonesAreHeldInOrderOnTheirPlanAndWithinTheFiscalYear() {
        Map<String, Programme> programmes = programmes();
        Map<String, Integer> fiscalYears = commands(RegisterEngagement.class).stream()
                .collect(Collectors.toMap(RegisterEngagement::engagementId, RegisterEngagement::fiscalYear));
        Map<String, PlanMilestone> plans = new HashMap<>();
        Map<String, Integer> lastHeld = new HashMap<>();
        for (DemoStep step : steps) {
            if (step.command() instanceof PlanMilestone p) {
                plans.put(p.engagementId() + "/" + p.milestone(), p);
            } else if (step.command() instanceof RecordMilestoneHeld h) {
                PlanMilestone plan = plans.get(h.engagementId() + "/" + h.milestone());
                assertThat(plan).as("planned before held: " + step.description()).isNotNull();
                if (plan.plannedOn() != null) {
                    assertThat(h.heldOn()).as(step.description()).isEqualTo(plan.plannedOn());
                } else {
                    assertThat(h.heldOn()).as(step.description())
                            .isBetween(plan.plannedPeriod().earliestDay(), plan.plannedPeriod().latestDay());
                }
                assertThat(new FiscalYear(fiscalYears.get(h.engagementId())).contains(h.heldOn())).as(step.description()).isTrue();
                assertThat(h.mode()).as(step.description()).isNotNull();

                Programme programme = programmes.get(h.engagementId());
                MilestoneSlot slot = MilestoneSlot.parse(h.milestone(), programme).orElseThrow();
                if (!programme.repeatable().contains(slot.kind())) {
                    int position = programme.sequence().indexOf(slot.kind());
                    assertThat(position).as("in order: " + step.description())
                            .isGreaterThan(lastHeld.getOrDefault(h.engagementId(), -1));
                    lastHeld.put(h.engagementId(), position);
                }
            }
        }
    }

    @Test
    void kunneppuVisitThreeHadAboutFortyPeople() {
        // [004 L180] 協議体と町職員、約40名
        RecordMilestoneHeld visit3 = commands(RecordMilestoneHeld.class).stream()
                .filter(h -> h.engagementId().equals(DemoScenario.engagementId("F04")) && h.milestone().equals("VISIT_3"))
                .findFirst().orElseThrow();
        assertThat(visit3.participants()).extracting(ParticipantGroup::headcount).containsExactly(40);
    }

    @Test
    void kantoFy2025HasItsAdvisorsAndNothingHeld() {
        Set<String> kanto = Set.of("F06", "F07", "F08", "F09").stream().map(DemoScenario::engagementId).collect(Collectors.toSet());
        assertThat(commands(RecordMilestoneHeld.class)).noneMatch(h -> kanto.contains(h.engagementId()));
        assertThat(commands(AssignAdvisor.class).stream().filter(a -> kanto.contains(a.engagementId())))
                .extracting(AssignAdvisor::name, AssignAdvisor::affiliation, AssignAdvisor::title)
                .contains(tuple("菊池 一", "松戸市 福祉長寿部 高齢者支援課", "課長補佐"))
                .hasSize(5);
    }

    private Map<String, Programme> programmes() {
        return commands(RegisterEngagement.class).stream()
                .collect(Collectors.toMap(RegisterEngagement::engagementId, RegisterEngagement::programme));
    }

    private <T> List<T> commands(Class<T> type) {
        return steps.stream().map(DemoStep::command).filter(type::isInstance).map(type::cast).toList();
    }

    private static String cell(LocalDate on, LocalTime start, LocalTime end) {
        return start == null ? on.toString() : on + " " + start + "-" + end;
    }

    /** Every engagement command is a record whose first component is the engagement id. */
    private static String engagementIdOf(Object command) {
        try {
            var first = command.getClass().getRecordComponents()[0];
            assertThat(first.getName()).isIn("engagementId", "grantCaseId", "inquiryId", "consultationId");
            return (String) first.getAccessor().invoke(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void grantStepsBelongToAProcedureOpenedBeforeThemAndAmountsAreMarkedAsDemoValues() {
        Set<String> procedures = new HashSet<>();
        for (DemoStep step : steps) {
            if (step.command() instanceof casebook.kernel.grant.command.OpenProcedure p) {
                procedures.add(p.procedureId());
            } else if (step.command() instanceof casebook.kernel.grant.command.RecordGrantStep r) {
                assertThat(procedures).as(step.description()).contains(r.procedureId());
                if (r.amount() != null) {
                    assertThat(r.note()).as(step.description()).contains("デモ用");
                }
            }
        }
        assertThat(DemoScenario.grantCaseId("G03")).isEqualTo(DemoScenario.grantCaseId("G03"))
                .isNotEqualTo(DemoScenario.grantCaseId("G04"));
    }
}
