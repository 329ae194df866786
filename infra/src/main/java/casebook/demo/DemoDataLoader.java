package casebook.demo;

import casebook.axon.ProjectionBarrier;
import casebook.embedded.EmbeddedMongo;
import casebook.eventstore.AppendReceipt;
import casebook.kernel.audit.MetaDataKeys;
import casebook.kernel.engagement.command.RegisterEngagement;
import casebook.kernel.grant.command.OpenGrantCase;
import casebook.web.BusinessKeys;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On the first start of the embedded default, loads the seed engagements (DOMAIN.md §7.1) by sending
 * their commands, so the demo data are real events with a real audit trail. Switch it off with
 * {@code CASEBOOK_DEMO_DATA=false}; it never runs against an external MongoDB.
 */
@Component
class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final String ACTOR = "demo-loader";
    static final String APPROVER = "demo-loader-approver";

    private final CommandGateway commands;
    private final EventStorageEngine events;
    private final BusinessKeys keys;
    private final ProjectionBarrier projections;
    private final MongoCollection<Document> appState;
    private final boolean enabled;

    DemoDataLoader(CommandGateway commands, EventStorageEngine events, BusinessKeys keys, ProjectionBarrier projections,
                   MongoDatabase database, ObjectProvider<EmbeddedMongo> embedded,
                   @Value("${casebook.demo-data:true}") boolean demoData) {
        this.commands = commands;
        this.events = events;
        this.keys = keys;
        this.projections = projections;
        this.appState = database.getCollection("app_state");
        this.enabled = demoData && embedded.getIfAvailable() != null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadOnFirstStart() {
        if (!enabled || appState.find(new Document("_id", "demo-data")).first() != null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        Set<String> skipped = new HashSet<>();
        long last = 0;
        int sent = 0;
        String correlation = UUID.randomUUID().toString();
        for (DemoStep step : DemoScenario.steps()) {
            String id = caseId(step.command());
            // A case already in the store (an interrupted earlier load) is left as it is.
            if (seen.add(id) && (events.lastSequenceNumberFor(id).isPresent() || !claimKey(step.command()))) {
                skipped.add(id);
            }
            if (skipped.contains(id)) {
                continue;
            }
            AppendReceipt.take();
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(step.command()).andMetaData(Map.of(
                    MetaDataKeys.ACTOR, actorOf(step.command()), MetaDataKeys.ACTOR_ROLE, "SYSTEM", MetaDataKeys.ACTOR_BUREAU, "*",
                    MetaDataKeys.CORRELATION_ID, correlation)));
            AppendReceipt receipt = AppendReceipt.take();
            last = receipt == null ? last : Math.max(last, receipt.globalSequence());
            sent++;
        }
        appState.insertOne(new Document("_id", "demo-data").append("loadedAt", Instant.now().toString())
                .append("commands", sent));
        boolean current = last == 0 || projections.awaitProjections(last);
        log.info("demo data loaded: {} commands for {} engagements, grant cases, inquiries and a cap consultation{}", sent, DemoScenario.FIXTURES.size(),
                current ? "" : " (projections still catching up)");
    }

    /** Approvals are a supervisor's: the demo records them under a second actor, so reviewer ≠ approver holds. */
    private static String actorOf(Object command) {
        return command instanceof casebook.kernel.grant.command.RecordGrantStep r
                && r.step() == casebook.kernel.grant.GrantStep.DECISION_APPROVED ? APPROVER : ACTOR;
    }

    /** Claims the business key of a case that has one; false if another case holds it. */
    private boolean claimKey(Object creating) {
        if (creating instanceof RegisterEngagement r) {
            return keys.claim(BusinessKeys.engagement(r.programme(), r.fiscalYear(), r.municipalityCode()), r.engagementId()).isEmpty();
        }
        if (creating instanceof OpenGrantCase g) {
            return keys.claim(BusinessKeys.grantCase(g.grantType(), g.recipient().kind(), g.recipient().code(), g.targetFiscalYear()),
                    g.grantCaseId()).isEmpty();
        }
        return true;
    }

    /** Every command record names its case in its @TargetAggregateIdentifier component. */
    private static String caseId(Object command) {
        for (var component : command.getClass().getRecordComponents()) {
            try {
                if (command.getClass().getDeclaredField(component.getName()).isAnnotationPresent(TargetAggregateIdentifier.class)) {
                    return String.valueOf(component.getAccessor().invoke(command));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("not a case command: " + command);
    }
}
