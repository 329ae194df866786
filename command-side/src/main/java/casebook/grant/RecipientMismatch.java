package casebook.grant;

import casebook.kernel.InvalidInput;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.RecipientKind;

/** Each grant goes to one kind of body: 地域支援事業交付金 to municipalities, the fund to prefectures, 一体的実施 to 広域連合. */
public class RecipientMismatch extends InvalidInput {
    public RecipientMismatch(GrantType grantType, RecipientKind given) {
        super("recipient.kind", grantType + " (" + grantType.label() + ") goes to a " + grantType.recipientKind()
                + " (" + grantType.recipientKind().label() + "), not a " + given + " (" + given.label() + ")");
    }
}
