package org.balloon.contracts;

/** Topic and header names fixed by DESIGN.md. */
public final class Topics {

    public static final String POLICY_ACTIONS = "balloon.policy-actions.v1";
    public static final String ACTION_SCORES = "balloon.action-scores.v1";
    public static final String POLICY_ACTIONS_DLQ = "balloon.policy-actions.v1.dlq";

    /** Header on every record: the action id, also the record key. */
    public static final String HEADER_ACTION_ID = "balloon-action-id";
    /** W3C trace context header, carried when the originating request had one. */
    public static final String HEADER_TRACEPARENT = "traceparent";
    /** The subject of the token that submitted (or retracted) the action; scores carry it on. */
    public static final String HEADER_PRINCIPAL = "balloon-principal";

    private Topics() {
    }
}
