package casebook.eventstore;

import casebook.eventstore.ChainReport.Failure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.bson.Document;

/**
 * Re-computes the hash chains of the stored events and the chain of case-head digests, and names every
 * case and position where they disagree: an edited field (the hash no longer matches), a deleted event (a
 * gap, or a head behind its digest), a reordered event (out of sequence, or a broken link), a deleted case
 * (digested, but no events).
 */
final class ChainVerifier {

    private record Head(long seq, String hash) {
    }

    private final EventLogReader log;
    private final CaseHeadDigests digests;

    ChainVerifier(EventLogReader log, CaseHeadDigests digests) {
        this.log = log;
        this.digests = digests;
    }

    /** The whole store, in global order; {@code progress} hears every 1,000 documents read how many were read. */
    ChainReport verifyAll(LongConsumer progress) {
        List<Failure> failures = new ArrayList<>();
        Map<String, Head> heads = new HashMap<>();
        long[] read = {0};
        long events = log.read(0, log.head(), doc -> {
            if (++read[0] % 1_000 == 0) {
                progress.accept(read[0]);
            }
            String caseId = doc.getString(EventDocuments.AGGREGATE_ID);
            if (caseId == null) {
                return; // tombstones and events outside cases are not chained
            }
            Head previous = heads.get(caseId);
            check(doc, previous, failures);
            heads.put(caseId, new Head(doc.get(EventDocuments.SEQ, Number.class).longValue(), doc.getString(EventDocuments.HASH)));
        });
        progress.accept(read[0]);
        long digestsChecked = checkDigests(heads, failures, null);
        return new ChainReport(failures.isEmpty(), heads.size(), events, digestsChecked, List.copyOf(failures));
    }

    /** One case, read by its own stream keys. */
    ChainReport verifyCase(String caseId) {
        List<Failure> failures = new ArrayList<>();
        Head previous = null;
        List<Document> docs = log.caseEvents(caseId);
        for (Document doc : docs) {
            check(doc, previous, failures);
            previous = new Head(doc.get(EventDocuments.SEQ, Number.class).longValue(), doc.getString(EventDocuments.HASH));
        }
        Map<String, Head> heads = new HashMap<>();
        if (previous != null) {
            heads.put(caseId, previous);
        }
        long digestsChecked = checkDigests(heads, failures, caseId);
        boolean known = !docs.isEmpty() || !failures.isEmpty();
        return new ChainReport(failures.isEmpty(), known ? 1 : 0, docs.size(), digestsChecked, List.copyOf(failures));
    }

    /** One event against the case's previous one. */
    private static void check(Document doc, Head previous, List<Failure> failures) {
        String caseId = doc.getString(EventDocuments.AGGREGATE_ID);
        long seq = doc.get(EventDocuments.SEQ, Number.class).longValue();
        long expected = previous == null ? 0 : previous.seq() + 1;
        String hash = doc.getString(EventDocuments.HASH);
        String prevHash = doc.getString(EventDocuments.PREV_HASH);
        if (hash == null || prevHash == null) {
            failures.add(new Failure(caseId, seq, "the event carries no hash"));
            return;
        }
        if (seq > expected) {
            failures.add(new Failure(caseId, expected, "events " + expected + "–" + (seq - 1) + " are missing (deleted)"));
        } else if (seq < expected) {
            failures.add(new Failure(caseId, seq, "the event is out of order (reordered): it comes after sequence " + previous.seq()));
        }
        String expectedPrev = previous == null || seq != expected ? (seq == 0 ? HashChain.GENESIS : null) : previous.hash();
        if (expectedPrev != null && !expectedPrev.equals(prevHash)) {
            failures.add(new Failure(caseId, seq, "the link to the previous event is broken (an earlier event was changed, "
                    + "removed or moved)"));
        }
        if (!hash.equals(EventDocuments.hashOf(doc, prevHash))) {
            failures.add(new Failure(caseId, seq, "the stored event does not match its hash (a field was edited)"));
        }
    }

    /**
     * Replays the digest chain to learn every case head it vouched for, and compares them with what is stored.
     * With {@code onlyCase} set, only that case's heads are compared.
     */
    private long checkDigests(Map<String, Head> actual, List<Failure> failures, String onlyCase) {
        String prev = HashChain.GENESIS;
        Map<String, Head> vouched = new HashMap<>();
        List<Document> all = digests.all();
        for (Document d : all) {
            List<CaseHeadDigests.Head> heads = new ArrayList<>();
            for (Document h : d.getList("heads", Document.class)) {
                heads.add(new CaseHeadDigests.Head(h.getString("c"), h.get("s", Number.class).longValue(), h.getString("h")));
            }
            long upTo = d.get("upTo", Number.class).longValue();
            if (!prev.equals(d.getString("prev")) || !CaseHeadDigests.hash(d.getString("prev"), upTo, heads).equals(d.getString("hash"))) {
                failures.add(new Failure(null, null, "digest " + d.get("_id") + " of case heads was altered"));
            }
            prev = d.getString("hash");
            heads.forEach(h -> vouched.put(h.caseId(), new Head(h.seq(), h.hash())));
        }
        for (Map.Entry<String, Head> e : vouched.entrySet()) {
            if (onlyCase != null && !onlyCase.equals(e.getKey())) {
                continue;
            }
            Head stored = actual.get(e.getKey());
            Head digested = e.getValue();
            if (stored == null) {
                failures.add(new Failure(e.getKey(), null, "the case was deleted: a digest vouches for "
                        + (digested.seq() + 1) + " events and none are stored"));
            } else if (stored.seq() < digested.seq()) {
                failures.add(new Failure(e.getKey(), stored.seq() + 1, "events after " + stored.seq()
                        + " were deleted: a digest vouches for sequence " + digested.seq()));
            }
        }
        return all.size();
    }
}
