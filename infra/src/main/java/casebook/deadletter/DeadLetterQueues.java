package casebook.deadletter;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The dead-letter queue of each projection's processing group. */
public final class DeadLetterQueues {

    private final Map<String, MongoDeadLetterQueue> byGroup = new LinkedHashMap<>();

    public DeadLetterQueues(List<MongoDeadLetterQueue> queues) {
        queues.forEach(q -> byGroup.put(q.group(), q));
    }

    public Optional<MongoDeadLetterQueue> of(String processingGroup) {
        return Optional.ofNullable(byGroup.get(processingGroup));
    }

    public Collection<MongoDeadLetterQueue> all() {
        return byGroup.values();
    }
}
