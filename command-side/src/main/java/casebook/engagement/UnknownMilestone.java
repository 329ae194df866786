package casebook.engagement;

import casebook.kernel.InvalidInput;
import casebook.kernel.engagement.Programme;

/** A milestone key that the programme's template does not have (e.g. M0_5 for 在宅医療, or ADVICE without a number). */
public class UnknownMilestone extends InvalidInput {
    public UnknownMilestone(String field, String key, Programme programme) {
        super(field, (key == null ? "a milestone" : "'" + key + "'") + " is not a milestone of " + programme
                + " (template " + programme.sequence() + ", repeatable " + programme.repeatable() + " numbered from 1)");
    }
}
