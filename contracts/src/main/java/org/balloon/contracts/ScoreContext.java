package org.balloon.contracts;

/**
 * The record state a history-aware score used (issue 14): how many earlier, non-retracted actions
 * of the record fell inside the model's look-back window, and a digest of their ids. Two scores of
 * the same action with the same digest were computed from the same context, whatever order the
 * actions arrived in; a back-dated or retracted action changes the digest of the later scores it
 * affects.
 *
 * @param historyVersion the history configuration's version (windows and points), e.g. {@code h1}
 * @param earlierActions the earlier actions the score's history factors rest on
 * @param digest         first 16 hex digits of the SHA-256 of their ids, in (occurredOn, id) order (an earlier
 *                       action that changes no factor changes no context)
 */
public record ScoreContext(String historyVersion, int earlierActions, String digest) {
}
