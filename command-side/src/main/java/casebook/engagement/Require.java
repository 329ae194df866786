package casebook.engagement;

import casebook.kernel.InvalidInput;
import casebook.kernel.engagement.ParticipantGroup;
import java.time.LocalTime;
import java.util.List;

/** Input checks shared by the command handlers; each names the offending field for the 400 response. */
final class Require {

    private Require() {
    }

    static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new MissingValue(field);
        }
        return value;
    }

    static <T> T value(String field, T value) {
        if (value == null) {
            throw new MissingValue(field);
        }
        return value;
    }

    /** A blank value where one is given but must say something (a corrected text, say). */
    static void notBlankIfPresent(String field, String value) {
        if (value != null && value.isBlank()) {
            throw new MissingValue(field, field + " must not be blank");
        }
    }

    static void timesInOrder(String field, LocalTime start, LocalTime end) {
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidInput(field, "endTime " + end + " must be after startTime " + start);
        }
    }

    /** Adds up the head-counts (a missing one counts 0) and rejects negative ones. */
    static int totalHeadcount(String field, List<ParticipantGroup> participants) {
        int total = 0;
        for (int i = 0; i < participants.size(); i++) {
            ParticipantGroup p = participants.get(i);
            if (p == null) {
                throw new MissingValue(field + "[" + i + "]");
            }
            if (p.headcount() != null && p.headcount() < 0) {
                throw new InvalidInput(field + "[" + i + "].headcount", "headcount must not be negative");
            }
            total += p.headcount() == null ? 0 : p.headcount();
        }
        return total;
    }

    static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
