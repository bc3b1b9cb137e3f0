package org.balloon.events.domain;

import org.balloon.contracts.PolicyAction;

/**
 * A submitted action that passed validation, with its canonical JSON (the contract's mapping of
 * the record, so key order and whitespace of the request do not matter) for idempotency checks.
 */
public record Submission(PolicyAction action, String canonicalJson) {
}
