package casebook.asof;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.audit.CaseEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The registry of event classes holds every class of the kernel's event packages, and nothing else. */
class EventTypesTest {

    private static final List<String> PACKAGES = List.of("casebook.kernel.engagement.event",
            "casebook.kernel.grant.event", "casebook.kernel.inquiry.event", "casebook.kernel.consultation.event");

    @Test
    void theRegistryListsEveryEventOfTheKernelsEventPackages() throws Exception {
        List<String> onClasspath = new ArrayList<>();
        for (String p : PACKAGES) {
            onClasspath.addAll(classesOf(p));
        }
        assertThat(onClasspath).hasSizeGreaterThan(30);
        assertThat(EventTypes.ALL).extracting(Class::getName).containsExactlyInAnyOrderElementsOf(onClasspath);
        assertThat(EventTypes.ALL).allMatch(CaseEvent.class::isAssignableFrom).allMatch(Class::isRecord);
        onClasspath.forEach(name -> assertThat(EventTypes.named(name.substring(name.lastIndexOf('.') + 1))).isPresent());
        assertThat(EventTypes.named("Nope")).isEmpty();
        assertThat(EventTypes.named(null)).isEmpty();
    }

    /** Top-level classes of a package, from a folder of classes or a jar. */
    private static List<String> classesOf(String pkg) throws IOException, URISyntaxException {
        String folder = pkg.replace('.', '/');
        List<String> names = new ArrayList<>();
        for (URL url : Collections.list(EventTypesTest.class.getClassLoader().getResources(folder))) {
            if (url.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                            .forEach(n -> names.add(pkg + "." + n.substring(0, n.length() - ".class".length())));
                }
            } else if (url.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(folder + "/") && n.endsWith(".class") && !n.contains("$")
                                    && n.indexOf('/', folder.length() + 1) < 0)
                            .forEach(n -> names.add(n.substring(0, n.length() - ".class".length()).replace('/', '.')));
                }
            } else {
                throw new UncheckedIOException(new IOException("cannot list " + url));
            }
        }
        return names;
    }
}
