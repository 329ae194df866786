package casebook.grant;

import casebook.kernel.InvalidInput;
import casebook.kernel.grant.RecipientKind;
import casebook.kernel.reference.ReferenceData;

/**
 * The recipient's code names no body of its kind: an unknown code, a prefecture given as a municipality or the
 * reverse (a 広域連合 is named by its prefecture's code).
 */
public class UnknownRecipient extends InvalidInput {
    public UnknownRecipient(RecipientKind kind, String code) {
        super("recipient.code", describe(kind, code));
    }

    private static String describe(RecipientKind kind, String code) {
        String wanted = kind == RecipientKind.KOIKI_RENGO ? "the 都道府県 of a 広域連合" : kind.label();
        return ReferenceData.get().find(code)
                .map(lg -> code + " (" + lg.name() + ") is a " + lg.type() + ", not " + wanted)
                .orElse("no local government has the code " + code);
    }
}
