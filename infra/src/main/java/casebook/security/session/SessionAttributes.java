package casebook.security.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A session's attributes as bytes: Java serialization, because what Spring Security keeps there (the security
 * context with its authentication, an OIDC sign-in's authorization request) is {@code Serializable} and nothing
 * else describes it. Read back only through an allow-list of Java's, Spring's and Casebook's own classes, with
 * limits on depth and size, so that bytes planted in the database cannot make this process build arbitrary objects.
 */
final class SessionAttributes {

    static final int MAX_BYTES = 64 * 1024;
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=10000;maxbytes=" + MAX_BYTES + ";java.base/*;org.springframework.**;casebook.**;!*");

    private SessionAttributes() {
    }

    /** Sorted by name, so that the same attributes give the same bytes and an unchanged session is not written. */
    static byte[] write(Map<String, Object> attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new TreeMap<>(attributes));
        } catch (NotSerializableException e) {
            throw new IllegalStateException("a session attribute is not serializable: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (bytes.size() > MAX_BYTES) {
            throw new IllegalStateException("session attributes of " + bytes.size() + " bytes; at most " + MAX_BYTES);
        }
        return bytes.toByteArray();
    }

    /** The attributes, or null when these bytes cannot be read by this build (or were refused by the allow-list). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(byte[] stored) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            in.setObjectInputFilter(ALLOWED);
            Object value = in.readObject();
            return value instanceof Map<?, ?> map ? new HashMap<>((Map<String, Object>) map) : null;
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            return null; // refused by the filter, a class changed or gone, or not a map: the user signs in again
        }
    }
}
