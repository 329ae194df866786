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
        checkFiscalYear("fiscalYear", fiscalYear);
    }

    /** For a parameter with another name (the grant worklist's {@code targetFiscalYear}): the error names it. */
    public static void checkFiscalYear(String parameter, Integer fiscalYear) {
        if (fiscalYear != null && !FiscalYear.isValid(fiscalYear)) {
            throw new InvalidInput(parameter, "fiscal year must be between " + FiscalYear.EARLIEST + " and " + FiscalYear.LATEST);
        }
    }
}
