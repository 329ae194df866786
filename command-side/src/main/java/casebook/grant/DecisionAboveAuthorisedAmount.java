package casebook.grant;

import casebook.kernel.StateConflict;

/** The decided amount (交付決定額) may not exceed what head office authorised (示達額) (DOMAIN.md §3.8 rule 6; HTTP 409). */
public class DecisionAboveAuthorisedAmount extends StateConflict {
    public DecisionAboveAuthorisedAmount(String field, long decided, long authorised) {
        super(field, "the decided amount (交付決定額) " + decided + " yen is above the authorised amount (示達額) "
                + authorised + " yen");
    }
}
