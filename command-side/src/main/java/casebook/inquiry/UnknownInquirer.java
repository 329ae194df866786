package casebook.inquiry;

import casebook.kernel.InvalidInput;
import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.reference.ReferenceData;

/**
 * The code does not name a body of the given kind: a municipality (市区町村) for MUNICIPALITY, a prefecture for
 * PREFECTURE and for KOIKI_RENGO (a 広域連合 is named by its prefecture's code).
 */
public class UnknownInquirer extends InvalidInput {
    public UnknownInquirer(InquirerKind kind, String code) {
        super("fromCode", describe(kind, code));
    }

    private static String describe(InquirerKind kind, String code) {
        String expected = kind == InquirerKind.MUNICIPALITY ? "a municipality" : "a prefecture";
        return ReferenceData.get().find(code)
                .map(lg -> code + " (" + lg.name() + ") is a " + lg.type() + ", not " + expected + " as " + kind + " needs")
                .orElse("no local government has the code " + code);
    }
}
