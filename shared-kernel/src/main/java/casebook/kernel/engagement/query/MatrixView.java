package casebook.kernel.engagement.query;

import casebook.kernel.engagement.Programme;
import java.util.List;

/** The milestone matrix: columns in template order, rows sorted by municipality code. */
public record MatrixView(String bureau, Integer fiscalYear, String fiscalYearLabel, Programme programme,
                         List<MatrixColumn> columns, List<MatrixRow> rows) {
}
