package casebook.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;

/** A stored event of a case with its place in the case's hash chain (ADR 0006): its own hash and the one before. */
public record ChainedEvent(DomainEventMessage<?> message, String hash, String prevHash) {
}
