package casebook.web.audit;

import casebook.eventstore.ChainReport;
import casebook.security.Actor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * A whole-store verification as an officer or supervisor may see it: whether the store is intact, and the failures
 * in their own bureau's cases by name. Failures elsewhere (other bureaus' cases, deleted cases, the digest chain)
 * are only counted, since naming them would reveal cases that are invisible to the reader; an auditor sees them all.
 */
@Component
class BureauReport {

    private final MongoCollection<Document> cases;

    BureauReport(MongoDatabase database) {
        this.cases = database.getCollection("audit_cases");
    }

    ChainReport forReader(ChainReport report, Actor reader) {
        if (Actor.ALL_BUREAUS.equals(reader.bureau()) || report.failures().isEmpty()) {
            return report;
        }
        List<ChainReport.Failure> shown = new ArrayList<>();
        int elsewhere = 0;
        for (ChainReport.Failure failure : report.failures()) {
            if (failure.caseId() != null && reader.bureau().equals(bureauOf(failure.caseId()))) {
                shown.add(failure);
            } else {
                elsewhere++;
            }
        }
        if (elsewhere > 0) {
            shown.add(new ChainReport.Failure(null, null, elsewhere + " failure(s) outside the cases of bureau " + reader.bureau()
                    + " (other bureaus' cases, deleted cases or the case-head digests): an auditor sees them by name"));
        }
        return new ChainReport(report.ok(), report.casesChecked(), report.eventsChecked(), report.digestsChecked(), shown);
    }

    private String bureauOf(String caseId) {
        Document doc = cases.find(new Document("_id", caseId)).first();
        return doc == null ? null : doc.getString("bureauCode");
    }
}
