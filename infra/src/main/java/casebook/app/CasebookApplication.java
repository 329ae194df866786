package casebook.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Casebook: one process that assembles the command side, the query side and the HTTP API. */
@SpringBootApplication(scanBasePackages = "casebook")
@ConfigurationPropertiesScan("casebook")
public class CasebookApplication {

    static {
        // Axon's update checker phones home unless this system property is set before Axon starts;
        // Casebook pulls nothing from, and reports nothing to, the network at run time.
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    public static void main(String[] args) {
        SpringApplication.run(CasebookApplication.class, args);
    }
}
