package casebook.engagement;

/**
 * What an event of this engagement was, kept by sequence number so that a correction can name its target.
 *
 * @param type   the event's simple class name (as in EngagementRecordCorrected.correctedType)
 * @param target the milestone key, item id, decision id … the event was about, or null
 */
record RecordedEvent(String type, String target) {

    static RecordedEvent of(Object event, String target) {
        return new RecordedEvent(event.getClass().getSimpleName(), target);
    }

    boolean is(Class<?> eventType) {
        return type.equals(eventType.getSimpleName());
    }
}
