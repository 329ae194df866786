package casebook.web.limits;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The configured limits ({@code casebook.selection-limits} in application.yml). */
@ConfigurationProperties("casebook")
public record LimitsProperties(List<SelectionLimit> selectionLimits) {

    public LimitsProperties {
        selectionLimits = selectionLimits == null ? List.of() : List.copyOf(selectionLimits);
    }
}
