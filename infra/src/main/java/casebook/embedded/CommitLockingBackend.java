package casebook.embedded;

import casebook.eventstore.Durability;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.Supplier;

/**
 * Runs every server operation under the read side of a lock whose write side the committer takes, so a
 * commit of the H2 store never captures half an insert (a document without its unique-index entry).
 * <p>
 * It also answers one command of its own, {@value #DURABLE_COMMIT}: it returns once every write the server
 * acknowledged before it is committed to the file. Casebook instances on a standalone embedded server (another
 * process) send it before they acknowledge a command, as the in-process application calls the committer directly.
 */
final class CommitLockingBackend implements MongoBackend {

    /** The command name; a real MongoDB answers it with CommandNotFound, which is how a client tells them apart. */
    static final String DURABLE_COMMIT = "casebookDurableCommit";

    private final MongoBackend delegate;
    private final ReadWriteLock lock;
    private final Durability durability;
    private final LongestHold longest = new LongestHold();

    CommitLockingBackend(MongoBackend delegate, ReadWriteLock lock, Durability durability) {
        this.delegate = delegate;
        this.lock = lock;
        this.durability = durability;
    }

    /** Outside the read lock: the commit takes the write side of it. */
    private Document commitDurably() {
        durability.flush();
        return new Document("ok", 1.0);
    }

    private <T> T locked(Supplier<T> operation, Supplier<String> description) {
        long start = System.nanoTime();
        lock.readLock().lock();
        try {
            return operation.get();
        } finally {
            lock.readLock().unlock();
            longest.record(System.nanoTime() - start, description);
        }
    }

    /** The longest server operation (its wait for the lock included) since the last call, and what it was. */
    String longestOperation() {
        return longest.drain();
    }

    /** "update casebook.grant_rows (100)": the command, its collection and how many documents a bulk one carried. */
    static String describe(String database, String command, Document body) {
        Object collection = body.get(command);
        StringBuilder s = new StringBuilder(command).append(' ').append(database).append('.').append(collection);
        for (String batch : List.of("documents", "updates", "deletes")) {
            if (body.get(batch) instanceof List<?> list) {
                s.append(" (").append(list.size()).append(')');
            }
        }
        return s.toString();
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (DURABLE_COMMIT.equals(command)) {
            return commitDurably();
        }
        return locked(() -> delegate.handleCommand(channel, database, command, query),
                () -> describe(database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return locked(() -> delegate.handleQuery(query), () -> "query " + query.getFullCollectionName());
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        if (message.getDocument().containsKey(DURABLE_COMMIT)) {
            return commitDurably();
        }
        return locked(() -> silentErrorsAnswered(message), () -> {
            Document body = message.getDocument();
            return body.isEmpty() ? "message" : describe(message.getDatabaseName(), body.keySet().iterator().next(), body);
        });
    }

    /**
     * The server marks some errors as not worth logging ({@code drop} of a collection that does not exist, which every
     * rebuild's reset meets and the driver ignores), but its handler of modern clients' messages logs every error, with
     * a stack trace, as an ERROR: the operator saw three of them at every rebuild. Such an error is answered here as that
     * handler would answer it, without the log.
     */
    private Document silentErrorsAnswered(MongoMessage message) {
        try {
            return delegate.handleMessage(message);
        } catch (MongoServerException e) {
            if (e.isLogError()) {
                throw e;
            }
            return errorAnswer(e);
        }
    }

    /** What mongo-java-server's {@code MongoDatabaseHandler.errorResponse} answers for an error. */
    private static Document errorAnswer(MongoServerException e) {
        Document answer = new Document();
        answer.put("$err", e.getMessageWithoutErrorCode());
        answer.put("errmsg", e.getMessageWithoutErrorCode());
        if (e instanceof MongoServerError error) {
            answer.put("code", error.getCode());
            answer.putIfNotNull("codeName", error.getCodeName());
        }
        answer.put("ok", 0);
        return answer;
    }

    @Override
    public void handleClose(Channel channel) {
        delegate.handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        locked(() -> {
            delegate.dropDatabase(database);
            return null;
        }, () -> "dropDatabase " + database);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return delegate.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return delegate.getServerStatus();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        delegate.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public void enableOplog() {
        delegate.enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return delegate.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate.version(version);
        return this;
    }
}
