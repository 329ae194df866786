package casebook.consultation;

import casebook.kernel.InvalidInput;
import casebook.kernel.reference.ReferenceData;

/** The cap is a municipality's (the insurer's); prefectures, wards and unknown codes are refused. */
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
