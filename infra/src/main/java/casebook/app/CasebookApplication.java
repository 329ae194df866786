package casebook.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Casebook: one process that assembles the command side, the query side and the HTTP API. */
@SpringBootApplication(scanBasePackages = "casebook")
@ConfigurationPropertiesScan("casebook")
public class CasebookApplication {

    public static void main(String[] args) {
        SpringApplication.run(CasebookApplication.class, args);
    }
}
