package casebook.engagement;

import casebook.kernel.InvalidInput;
import casebook.kernel.reference.ReferenceData;

/** Engagements support a basic local government (市区町村); prefectures, wards and unknown codes are refused. */
public class UnknownMunicipality extends InvalidInput {
    public UnknownMunicipality(String code) {
        super("municipalityCode", describe(code));
    }

    private static String describe(String code) {
        return ReferenceData.get().find(code)
                .map(lg -> code + " (" + lg.name() + ") is a " + lg.type() + ", not a municipality")
                .orElse("no local government has the code " + code);
    }
}
