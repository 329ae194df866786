package casebook.web;

import casebook.kernel.DomainRejection;
import casebook.web.input.ControlCharacterException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every error as RFC 9457 problem+json with {@code status}, {@code title}, {@code detail} and, for bad
 * input, {@code errors: [{field, message}]} (CONTRACT.md). A rejected request has written no event:
 * validation runs before the command is sent and the aggregate refuses before it applies anything.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    record FieldProblem(String field, String message) {
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail, List<FieldProblem> errors,
                                                  Map<String, Object> extra) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        if (errors != null && !errors.isEmpty()) {
            p.setProperty("errors", errors);
        }
        if (extra != null) {
            extra.forEach(p::setProperty);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(DomainRejection.class)
    Mono<ResponseEntity<Object>> rejected(DomainRejection e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        List<FieldProblem> errors = e.field() == null ? List.of() : List.of(new FieldProblem(e.field(), e.getMessage()));
        return Mono.just(problem(status, e.getMessage(), errors, null));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    Mono<ResponseEntity<Object>> unknownCase(AggregateNotFoundException e) {
        return Mono.just(problem(HttpStatus.NOT_FOUND, "unknown case " + e.getAggregateIdentifier(), null, null));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    Mono<ResponseEntity<Object>> staleVersion(ConflictingAggregateVersionException e) {
        return Mono.just(problem(HttpStatus.CONFLICT, "the case has changed since version " + e.getExpectedVersion()
                        + "; it is now at version " + e.getActualVersion(), null,
                Map.of("currentVersion", e.getActualVersion())));
    }

    @ExceptionHandler(ConcurrencyException.class)
    Mono<ResponseEntity<Object>> concurrent(ConcurrencyException e) {
        return Mono.just(problem(HttpStatus.CONFLICT, "another change to this case was recorded at the same moment; "
                + "reload and try again", null, null));
    }

    /** Axon and the reactive bridges wrap the real reason; answer for that. */
    @ExceptionHandler({CommandExecutionException.class, QueryExecutionException.class, CompletionException.class})
    Mono<ResponseEntity<Object>> wrapped(Exception e, ServerWebExchange exchange) {
        Throwable cause = e.getCause();
        if (cause instanceof DomainRejection r) {
            return rejected(r);
        }
        if (cause instanceof ConflictingAggregateVersionException c) {
            return staleVersion(c);
        }
        if (cause instanceof ConcurrencyException c) {
            return concurrent(c);
        }
        if (cause instanceof AggregateNotFoundException a) {
            return unknownCase(a);
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<Object>> unexpected(Exception e) {
        log.error("unexpected error", e);
        return Mono.just(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Casebook could not complete the request", null, null));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex, HttpHeaders headers,
                                                                           HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldProblem> errors = ex.getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), messageOf(f))).toList();
        return Mono.just(problem(HttpStatus.BAD_REQUEST, "invalid input: " + errors.stream().map(FieldProblem::field)
                .distinct().collect(Collectors.joining(", ")), errors, null));
    }

    private static String messageOf(FieldError f) {
        return f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage();
    }

    /** A required query parameter (or header) is absent: name it, like any other invalid field. */
    @Override
    protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(MissingRequestValueException ex,
                                                                              HttpHeaders headers, HttpStatusCode status,
                                                                              ServerWebExchange exchange) {
        return Mono.just(problem(HttpStatus.BAD_REQUEST, "missing " + ex.getLabel() + " " + ex.getName(),
                List.of(new FieldProblem(ex.getName(), "required")), null));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex, HttpHeaders headers,
                                                                           HttpStatusCode status, ServerWebExchange exchange) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof DataBufferLimitException) {
                return Mono.just(problem(HttpStatus.PAYLOAD_TOO_LARGE, "the request body is too large", null, null));
            }
            if (t instanceof UnrecognizedPropertyException u) {
                String field = path(u);
                return Mono.just(problem(HttpStatus.BAD_REQUEST, "unknown field: " + field,
                        List.of(new FieldProblem(field, "unknown field")), null));
            }
            if (t instanceof ControlCharacterException c) {
                String field = c.getPath().isEmpty() ? "body" : path(c);
                return Mono.just(problem(HttpStatus.BAD_REQUEST, "invalid value for " + field + ": " + ControlCharacterException.MESSAGE,
                        List.of(new FieldProblem(field, ControlCharacterException.MESSAGE)), null));
            }
            if (t instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                String field = path(m);
                return Mono.just(problem(HttpStatus.BAD_REQUEST, "invalid value for " + field,
                        List.of(new FieldProblem(field, "invalid value or wrong type")), null));
            }
        }
        var methodParameter = ex.getMethodParameter();
        String parameter = methodParameter != null && methodParameter.getParameterName() != null
                && (methodParameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class)
                || methodParameter.hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class))
                ? methodParameter.getParameterName() : null;
        if (parameter != null) {
            return Mono.just(problem(HttpStatus.BAD_REQUEST, "invalid value for " + parameter,
                    List.of(new FieldProblem(parameter, "invalid or missing")), null));
        }
        return Mono.just(problem(HttpStatus.BAD_REQUEST, "the request body is missing or is not valid JSON", null, null));
    }

    private static String path(JsonMappingException m) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }
}
