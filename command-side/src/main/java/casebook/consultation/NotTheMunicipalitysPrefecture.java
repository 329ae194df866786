package casebook.consultation;

import casebook.kernel.InvalidInput;
import casebook.kernel.reference.ReferenceData;

/** A consultation reaches the bureau via the municipality's own prefecture (都道府県経由), no other. */
public class NotTheMunicipalitysPrefecture extends InvalidInput {
    public NotTheMunicipalitysPrefecture(String given, String municipalityName, String expected) {
        super("prefectureCode", given + " (" + name(given) + ") is not the prefecture of " + municipalityName
                + "; submit via " + expected + " (" + name(expected) + ")");
    }

    private static String name(String code) {
        return ReferenceData.get().find(code).map(lg -> lg.name()).orElse("unknown code");
    }
}
