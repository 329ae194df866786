package casebook.readmodel;

import casebook.kernel.audit.CaseEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.Message;

/**
 * The cases one batch of events touched: each is read once, changed in memory by every event of the batch, and
 * written once at the batch's end. Subclasses say how a case is read and how a changed one is written.
 *
 * <p>An event that fails part-way (a poison event, which the dead-letter queue then takes) must leave nothing
 * behind, while the same case's earlier events of the batch must still be written. So each case remembers the
 * events applied to it in this batch; when one fails, the case is read again and those events applied again,
 * which puts it back exactly as it stood before the failing event (the database does not change during the batch).
 *
 * <p>During a replay the changed cases are not written at the batch's end but kept for the next batches, up to
 * {@link #keptWhileReplaying} of them in each segment, and written when pushed out or at a checkpoint
 * ({@link ReplayCheckpoints}). A kept case is changed in place, so it cannot be put back after a failed event:
 * there the whole batch fails instead, and the segment replays from its checkpoint without keeping. In a replay onto
 * a read model emptied for it, a case the segment has never written is not asked for at all ({@link KeptCases#mayBeStored}).
 *
 * <p>Round trips, not work, are what a batch costs most on a real replica set and a good part of it on the embedded
 * server: so the cases of the batch's events are read together with the first one that is needed ({@code $in} of
 * ids), and the changed ones are written together, one bulk write per collection ({@link #writeAll}).
 *
 * @param <S> a stored case: its view plus the version it was read at
 * @param <D> a stored document as read from the database, before it is decoded
 */
public abstract class CasesOfABatch<S, D> implements BatchWrites.Pending {

    private final Map<String, S> loaded = new LinkedHashMap<>();
    private final Map<String, S> changed = new LinkedHashMap<>();
    private final Map<String, List<Runnable>> applied = new HashMap<>();
    private final Set<String> unrestored = new HashSet<>();
    /** Ids of cases the batch's events name that have not been read yet: read together on the first load. */
    private final Set<String> expected = new LinkedHashSet<>();
    /** Documents read ahead and not decoded yet. */
    private final Map<String, D> fetched = new HashMap<>();
    /** During a replay: the segment, and this projection's cases kept from earlier batches; otherwise null. */
    private SegmentReplay replay;
    private KeptCases<S> kept;

    /** The stored case, or null if the read model has none. */
    protected abstract S read(String id);

    /**
     * The stored documents among {@code ids}, by id, in one look-up; absent ones are left out. Decoding is left to
     * {@link #decode}, on first use, so that a document that cannot be decoded fails only its own case's event.
     */
    protected abstract Map<String, D> fetchAll(List<String> ids);

    /** The stored case a document of {@link #fetchAll} holds. */
    protected abstract S decode(D document);

    /** Whether this read model keeps cases of this event's kind: only those are read ahead. */
    protected boolean handles(CaseEvent event) {
        return true;
    }

    /** A case seen for the first time in this read model. */
    protected abstract S empty();

    /** Writes one changed case (its bucket, row and document, in the order that is safe to repeat). */
    protected abstract void write(S stored);

    /**
     * Writes the changed cases of the batch; by default one after the other. A bulk version must keep the order
     * that makes a failure safe to repeat: every case's bucket and row before any case document.
     */
    protected void writeAll(List<S> changedCases) {
        changedCases.forEach(this::write);
    }

    /**
     * How many changed cases of one segment stay in memory during a replay. Enough for every case a replay has open
     * at once in the projection's slice of the log (a fiscal year's cases), as the heap allows: the default suits
     * cases of a few KB.
     */
    protected int keptWhileReplaying() {
        return 1_000;
    }

    @Override
    public void replaying(String key, SegmentReplay segment) {
        this.replay = segment;
        this.kept = segment.kept(key, keptWhileReplaying(), this::writeAll);
    }

    /** Notes the cases the batch's events name, to be read together when the first of them is needed. */
    @Override
    public void batchStarts(List<? extends Message<?>> messages) {
        for (Message<?> message : messages) {
            Object payload;
            try {
                payload = message.getPayload();
            } catch (RuntimeException unreadable) {
                continue; // its own handling fails it, and the dead-letter queue takes that one event, not the batch
            }
            if (payload instanceof CaseEvent event && event.caseId() != null && handles(event)
                    && !loaded.containsKey(event.caseId()) && (kept == null
                    || !kept.contains(event.caseId()) && kept.mayBeStored(event.caseId()))) {
                expected.add(event.caseId());
            }
        }
    }

    public S load(String id) {
        if (loaded.containsKey(id)) {
            return loaded.get(id);
        }
        S keptCase = kept == null ? null : kept.get(id);
        if (keptCase != null) {
            loaded.put(id, keptCase);
            return keptCase;
        }
        if (kept != null && !kept.mayBeStored(id)) {
            loaded.put(id, null); // a replay onto an emptied read model, and this segment never wrote the case
            return null;
        }
        if (expected.contains(id)) {
            List<String> ids = new ArrayList<>(expected);
            expected.clear();
            Map<String, D> found = fetchAll(ids);
            for (String each : ids) {
                if (found.containsKey(each)) {
                    fetched.put(each, found.get(each));
                } else {
                    loaded.put(each, null);
                }
            }
        }
        D document = fetched.remove(id);
        S stored = document != null ? decode(document) : loaded.containsKey(id) ? null : read(id);
        loaded.put(id, stored);
        return stored;
    }

    public S fresh(String id) {
        S stored = empty();
        loaded.put(id, stored);
        return stored;
    }

    public void changed(String id, S stored) {
        changed.put(id, stored);
    }

    /**
     * Applies one event of case {@code caseId} ({@code event} does the loading and changing). If it throws, the case
     * is put back as it stood before the event and the exception goes on, to the dead-letter queue.
     */
    public void applyEvent(String caseId, Runnable event) {
        if (replay != null) {
            applyKept(event);
            return;
        }
        try {
            event.run();
        } catch (RuntimeException failure) {
            restore(caseId, failure);
            throw failure;
        }
        applied.computeIfAbsent(caseId, id -> new ArrayList<>()).add(event);
    }

    /** In a replay: a failure fails the batch at its end (see {@link ReplayCheckpoints#end}); the rest is skipped. */
    private void applyKept(Runnable event) {
        if (replay.failure() != null) {
            return;
        }
        try {
            event.run();
        } catch (RuntimeException failure) {
            replay.eventFailed(failure);
        }
    }

    private void restore(String caseId, RuntimeException failure) {
        loaded.remove(caseId);
        changed.remove(caseId);
        try {
            for (Runnable earlier : applied.getOrDefault(caseId, List.of())) {
                earlier.run();
            }
        } catch (RuntimeException again) {
            // The database failed us now (the earlier events worked on the same data a moment ago): this case cannot
            // be written correctly in this batch, so the whole batch must fail and be retried (see flush).
            failure.addSuppressed(again);
            loaded.remove(caseId);
            changed.remove(caseId);
            unrestored.add(caseId);
        }
    }

    @Override
    public void flush() {
        if (!unrestored.isEmpty()) {
            throw new IllegalStateException("cases " + unrestored + " could not be put back after a failed event; "
                    + "the batch is retried");
        }
        if (kept == null) {
            writeAll(new ArrayList<>(changed.values()));
        } else if (replay.failure() == null) {
            List<S> pushedOut = kept.keep(changed);
            if (!pushedOut.isEmpty()) {
                writeAll(pushedOut);
            }
        }
        changed.clear();
        loaded.clear();
        applied.clear();
        expected.clear();
        fetched.clear();
    }
}
