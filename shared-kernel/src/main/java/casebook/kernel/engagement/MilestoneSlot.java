package casebook.kernel.engagement;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names one milestone of an engagement: its kind, and for repeatable kinds a number
 * ({@code VISIT_1}, {@code ONLINE_SESSION_2}). The string form is what the API and events use.
 */
public record MilestoneSlot(MilestoneKind kind, int number) {

    private static final Pattern NUMBERED = Pattern.compile("([A-Z_]+?)_(\\d{1,3})");

    public MilestoneSlot {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
    }

    /** Parses {@code M0_5}, {@code VISIT_3} or a numbered repeatable kind for the given programme. */
    public static Optional<MilestoneSlot> parse(String key, Programme programme) {
        if (key == null) {
            return Optional.empty();
        }
        for (MilestoneKind k : programme.sequence()) {
            if (k.name().equals(key) && !programme.repeatable().contains(k)) {
                return Optional.of(new MilestoneSlot(k, 0));
            }
        }
        Matcher m = NUMBERED.matcher(key);
        if (m.matches()) {
            for (MilestoneKind k : programme.repeatable()) {
                int n = Integer.parseInt(m.group(2));
                if (k.name().equals(m.group(1)) && n >= 1) {
                    return Optional.of(new MilestoneSlot(k, n));
                }
            }
        }
        return Optional.empty();
    }

    public boolean numbered() {
        return number > 0;
    }

    public String key() {
        return numbered() ? kind.name() + "_" + number : kind.name();
    }

    /** 0.5mtg, オンライン支援2 */
    public String label() {
        return numbered() ? kind.label() + number : kind.label();
    }

    @Override
    public String toString() {
        return key();
    }
}
