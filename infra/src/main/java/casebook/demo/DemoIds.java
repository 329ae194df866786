package casebook.demo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic ids for the demo data: the same fixture always gets the same engagement id (and the same
 * homework, decision, finding, output and advisor ids), so tests and scripts can find what the demo loaded.
 */
public final class DemoIds {

    private DemoIds() {
    }

    /** The engagement id of a DOMAIN.md §7.1 fixture, e.g. {@code engagementId("F01")} for 久留米市. */
    public static String engagementId(String fixtureId) {
        return uuid("demo:" + fixtureId);
    }

    /** The id of an item inside a fixture's case, e.g. {@code itemId("F05", "homework", "care-plans")}. */
    public static String itemId(String fixtureId, String kind, String name) {
        return uuid("demo:" + fixtureId + ":" + kind + ":" + name);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
