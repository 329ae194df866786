package casebook.kernel.engagement.query;

import casebook.kernel.engagement.OutputKind;
import java.time.LocalDate;

/** An output (成果物) recorded by reference. */
public record OutputView(String outputId, OutputKind kind, String title, String uri, String milestone,
                         LocalDate producedOn) {
}
