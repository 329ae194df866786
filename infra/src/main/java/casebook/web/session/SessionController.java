package casebook.web.session;

import casebook.kernel.reference.Bureau;
import casebook.kernel.reference.LocalGovernment;
import casebook.kernel.reference.ReferenceData;
import casebook.security.SignInOptions;
import casebook.security.SignedIn;
import casebook.web.ReferenceParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in, and the reference data the UI's forms offer (bureaus, municipalities). */
@RestController
@Tag(name = "Session and reference data")
class SessionController {

    private final SignInOptions signInOptions;

    SessionController(SignInOptions signInOptions) {
        this.signInOptions = signInOptions;
    }

    @GetMapping("/api/sign-in-options")
    @Operation(summary = "How to sign in here: password form (demo users) and identity providers (OIDC); no credentials needed")
    SignInOptions signInOptions() {
        return signInOptions;
    }

    @GetMapping("/api/me")
    @Operation(summary = "The signed-in user: name, role and bureau")
    SignedIn me(Authentication authentication) {
        return SignedIn.of(authentication);
    }

    @GetMapping("/api/reference/bureaus")
    @Operation(summary = "The eight regional bureaus (地方厚生(支)局) with their prefectures")
    List<Bureau> bureaus() {
        return List.copyOf(ReferenceData.get().bureaus());
    }

    /** The municipalities (and prefectures) of one bureau, in code order, for pickers. */
    @GetMapping("/api/reference/local-governments")
    @Operation(summary = "Local governments of a bureau (全国地方公共団体コード), in code order")
    List<LocalGovernment> localGovernments(@RequestParam String bureau) {
        ReferenceParams.checkBureau(bureau);
        Bureau b = ReferenceData.get().bureau(bureau).orElseThrow();
        return ReferenceData.get().all().stream()
                .filter(lg -> b.prefectureCodes().contains(lg.prefectureCode()))
                .sorted(Comparator.comparing(LocalGovernment::code))
                .toList();
    }
}
