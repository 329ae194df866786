package casebook.grant;

/**
 * What an event of this case was, kept by sequence number so that a correction can name its target.
 *
 * @param type        the event's simple class name (as in GrantRecordCorrected.correctedType)
 * @param procedureId the procedure the event was about, or null
 */
record RecordedEvent(String type, String procedureId) {

    static RecordedEvent of(Object event, String procedureId) {
        return new RecordedEvent(event.getClass().getSimpleName(), procedureId);
    }

    boolean is(Class<?> eventType) {
        return type.equals(eventType.getSimpleName());
    }
}
