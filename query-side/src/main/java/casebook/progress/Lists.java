package casebook.progress;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Replacing view records inside the engagement's lists, since records are immutable. */
final class Lists {

    private Lists() {
    }

    static <T> void replace(List<T> list, Predicate<T> which, UnaryOperator<T> change) {
        list.replaceAll(item -> which.test(item) ? change.apply(item) : item);
    }
}
