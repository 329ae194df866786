package casebook.engagement;

import casebook.kernel.UnknownReference;

/** The homework item was never added to this engagement. */
public class UnknownHomeworkItem extends UnknownReference {
    public UnknownHomeworkItem(String itemId) {
        super("itemId", "no homework item " + itemId + " in this engagement");
    }
}
