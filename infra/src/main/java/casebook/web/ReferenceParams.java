package casebook.web;

import casebook.kernel.InvalidInput;
import casebook.kernel.reference.ReferenceData;
import casebook.kernel.time.FiscalYear;

/** Checks query parameters that name reference data, so a typo answers 400 rather than an empty list. */
public final class ReferenceParams {

    private ReferenceParams() {
    }

    public static void checkBureau(String bureau) {
        if (bureau != null && ReferenceData.get().bureau(bureau).isEmpty()) {
            throw new InvalidInput("bureau", "unknown bureau code (e.g. kyushu, kantoshinetsu)");
        }
    }

    public static void checkFiscalYear(Integer fiscalYear) {
        if (fiscalYear != null && !FiscalYear.isValid(fiscalYear)) {
            throw new InvalidInput("fiscalYear", "fiscal year must be between " + FiscalYear.EARLIEST + " and " + FiscalYear.LATEST);
        }
    }
}
