package casebook.security;

import casebook.kernel.reference.Bureau;
import casebook.kernel.reference.ReferenceData;
import org.springframework.security.core.Authentication;

/**
 * Who is signed in, as the browser UI shows it: name, role and bureau (with its names), all from the
 * authenticated principal.
 *
 * @param bureau the bureau code, or {@code *} for every bureau (auditors, administrators)
 */
public record SignedIn(String name, Role role, String bureau, String bureauNameJa, String bureauNameEn) {

    public static SignedIn of(Authentication authentication) {
        Actor actor = Actor.of(authentication);
        Bureau bureau = ReferenceData.get().bureau(actor.bureau()).orElse(null);
        return new SignedIn(actor.name(), actor.role(), actor.bureau(),
                bureau == null ? "全局" : bureau.nameJa(), bureau == null ? "All bureaus" : bureau.nameEn());
    }
}
