package casebook.web.inquiry;

import casebook.kernel.consultation.query.ConsultationList;
import casebook.kernel.consultation.query.ConsultationSummary;
import casebook.kernel.consultation.query.ConsultationView;
import casebook.kernel.consultation.query.FindConsultation;
import casebook.kernel.inquiry.query.FindInquiry;
import casebook.kernel.inquiry.query.InquiryInbox;
import casebook.kernel.inquiry.query.InquirySummary;
import casebook.kernel.inquiry.query.InquiryView;
import casebook.web.NotFound;
import casebook.web.QueryRunner;
import casebook.web.ReferenceParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The inquiries inbox with each inquiry's age, and the 個別協議 list. */
@RestController
@Tag(name = "Inquiries (疑義照会)")
class InquiryQueryController {

    private final QueryRunner queries;

    InquiryQueryController(QueryRunner queries) {
        this.queries = queries;
    }

    @GetMapping("/api/inquiries")
    @Operation(summary = "Inquiries inbox, oldest first, with age in days (closed ones only on request)")
    Mono<List<InquirySummary>> inbox(@RequestParam(required = false) String bureau,
                                     @RequestParam(defaultValue = "false") boolean includeClosed) {
        ReferenceParams.checkBureau(bureau);
        return queries.list(new InquiryInbox(bureau, includeClosed), InquirySummary.class);
    }

    @GetMapping("/api/inquiries/{id}")
    @Operation(summary = "One inquiry with its assignment, escalation, answers and reopenings; ETag is its version")
    Mono<ResponseEntity<InquiryView>> inquiry(@PathVariable String id) {
        return queries.one(new FindInquiry(id), InquiryView.class)
                .switchIfEmpty(Mono.error(new NotFound("inquiry " + id)))
                .map(v -> ResponseEntity.ok().eTag("\"" + v.version() + "\"").body(v));
    }

    @GetMapping("/api/consultations")
    @Operation(summary = "個別協議 per bureau and fiscal year")
    Mono<List<ConsultationSummary>> consultations(@RequestParam(required = false) String bureau,
                                                  @RequestParam(required = false) Integer fiscalYear) {
        ReferenceParams.checkBureau(bureau);
        ReferenceParams.checkFiscalYear(fiscalYear);
        return queries.list(new ConsultationList(bureau, fiscalYear), ConsultationSummary.class);
    }

    @GetMapping("/api/consultations/{id}")
    @Operation(summary = "One 個別協議 with its cap inputs, reviews, decision and links; ETag is its version")
    Mono<ResponseEntity<ConsultationView>> consultation(@PathVariable String id) {
        return queries.one(new FindConsultation(id), ConsultationView.class)
                .switchIfEmpty(Mono.error(new NotFound("consultation " + id)))
                .map(v -> ResponseEntity.ok().eTag("\"" + v.version() + "\"").body(v));
    }
}
