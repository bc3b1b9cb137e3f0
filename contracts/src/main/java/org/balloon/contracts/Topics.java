package org.balloon.contracts;

import java.util.List;

/** Topic and header names fixed by DESIGN.md. */
public final class Topics {

    public static final String POLICY_ACTIONS = "balloon.policy-actions.v1";
    public static final String ACTION_SCORES = "balloon.action-scores.v1";
    public static final String POLICY_ACTIONS_DLQ = "balloon.policy-actions.v1.dlq";

    /** The actions as the events service publishes them; key = action id (text). */
    public static final Topic POLICY_ACTIONS_V1 = new Topic(POLICY_ACTIONS, String.class, PolicyAction.class, 6);
    /** The scores of the scoring service; key = action id, a null value retracts the action's score. */
    public static final Topic ACTION_SCORES_V1 = new Topic(ACTION_SCORES, String.class, ActionScore.class, 6);
    /** Actions that cannot be scored, as they came (value as text), with the reason in headers. */
    public static final Topic POLICY_ACTIONS_DLQ_V1 = new Topic(POLICY_ACTIONS_DLQ, String.class, String.class, 1);
    /** Every topic of the contract, in creation order. */
    public static final List<Topic> ALL = List.of(POLICY_ACTIONS_V1, ACTION_SCORES_V1, POLICY_ACTIONS_DLQ_V1);

    /** Header on every record: the action id, also the record key. */
    public static final String HEADER_ACTION_ID = "balloon-action-id";
    /** W3C trace context header, carried when the originating request had one. */
    public static final String HEADER_TRACEPARENT = "traceparent";
    /** The subject of the token that submitted (or retracted) the action; scores carry it on. */
    public static final String HEADER_PRINCIPAL = "balloon-principal";

    private Topics() {
    }

    /** Prints "name partitions" per topic: what .ci/validate-deploy.sh holds the deploy files to. */
    public static void main(String[] args) {
        ALL.forEach(t -> System.out.println(t.name() + " " + t.localPartitions()));
    }
}
