package casebook.kernel.time;

import java.time.LocalDate;

/**
 * 年度: the fiscal year from 1 April to 31 March, named by the Gregorian year it starts in
 * (2024 = 令和6年度, 2024-04-01 … 2025-03-31).
 */
public record FiscalYear(int startYear) {

    /** Casebook covers Reiwa-era work and the years just before it; anything else is a typing error. */
    public static final int EARLIEST = 2015;
    public static final int LATEST = 2060;

    public FiscalYear {
        if (startYear < EARLIEST || startYear > LATEST) {
            throw new IllegalArgumentException("fiscal year out of range " + EARLIEST + "-" + LATEST + ": " + startYear);
        }
    }

    public static boolean isValid(int startYear) {
        return startYear >= EARLIEST && startYear <= LATEST;
    }

    public static FiscalYear of(LocalDate date) {
        return new FiscalYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    /** 令和N年度 (平成 before May 2019's era change is not needed for fiscal years from 2019 on). */
    public String label() {
        if (startYear >= 2019) {
            int n = startYear - 2018;
            return "令和" + (n == 1 ? "元" : String.valueOf(n)) + "年度";
        }
        return "平成" + (startYear - 1988) + "年度";
    }
}
