package casebook.kernel.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 1,741 local governments, the 47 prefectures and the prefecture → bureau map, read once from the
 * CSVs shipped as resources (copied from shared/data, list as of 2024-01-01).
 */
public final class ReferenceData {

    private static final ReferenceData INSTANCE = load();

    private final Map<String, LocalGovernment> byCode;
    private final Map<String, Bureau> bureaus;
    private final Map<String, Bureau> bureauByPrefecture;

    private ReferenceData(Map<String, LocalGovernment> byCode, Map<String, Bureau> bureaus) {
        this.byCode = Collections.unmodifiableMap(byCode);
        this.bureaus = Collections.unmodifiableMap(bureaus);
        Map<String, Bureau> byPref = new LinkedHashMap<>();
        bureaus.values().forEach(b -> b.prefectureCodes().forEach(p -> byPref.put(p, b)));
        this.bureauByPrefecture = Collections.unmodifiableMap(byPref);
    }

    public static ReferenceData get() {
        return INSTANCE;
    }

    /** Any row by code, including prefectures and wards. */
    public Optional<LocalGovernment> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /** A municipality or special ward (a basic local government), the target of support engagements. */
    public Optional<LocalGovernment> municipality(String code) {
        return find(code).filter(LocalGovernment::isBasicLocalGovernment);
    }

    public Optional<LocalGovernment> prefecture(String code) {
        return find(code).filter(LocalGovernment::isPrefecture);
    }

    public Collection<LocalGovernment> all() {
        return byCode.values();
    }

    public Collection<Bureau> bureaus() {
        return bureaus.values();
    }

    public Optional<Bureau> bureau(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(bureaus.get(code));
    }

    /** The bureau that covers a local government, derived from its prefecture, never sent by a client. */
    public Bureau bureauOf(LocalGovernment lg) {
        Bureau b = bureauByPrefecture.get(lg.prefectureCode());
        if (b == null) {
            throw new IllegalStateException("no bureau for prefecture " + lg.prefectureCode());
        }
        return b;
    }

    private static ReferenceData load() {
        Map<String, String> prefCodeByName = new LinkedHashMap<>();
        List<String[]> rows = readCsv("local-governments.csv");
        for (String[] r : rows) {
            if ("都道府県".equals(r[4])) {
                prefCodeByName.put(r[1], r[0]);
            }
        }
        Map<String, LocalGovernment> byCode = new LinkedHashMap<>();
        for (String[] r : rows) {
            byCode.put(r[0], new LocalGovernment(r[0], r[1], prefCodeByName.get(r[1]), r[2], r[3], r[4]));
        }
        Map<String, List<String>> prefsByBureau = new LinkedHashMap<>();
        Map<String, String[]> bureauNames = new LinkedHashMap<>();
        for (String[] r : readCsv("regional-bureaus.csv")) {
            prefsByBureau.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[3]);
            bureauNames.putIfAbsent(r[0], r);
        }
        Map<String, Bureau> bureaus = new LinkedHashMap<>();
        prefsByBureau.forEach((code, prefs) -> bureaus.put(code,
                new Bureau(code, bureauNames.get(code)[1], bureauNames.get(code)[2], List.copyOf(prefs))));
        return new ReferenceData(byCode, bureaus);
    }

    private static List<String[]> readCsv(String name) {
        String path = "/casebook/reference/" + name;
        try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1)); // the files hold no quoted commas
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
