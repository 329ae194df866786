package casebook.engagement;

import casebook.kernel.StateConflict;

/** Only open homework can be completed or dropped. */
public class HomeworkNotOpen extends StateConflict {
    public HomeworkNotOpen(String itemId, HomeworkItem.State state) {
        super("itemId", "homework item " + itemId + " is already " + state);
    }
}
