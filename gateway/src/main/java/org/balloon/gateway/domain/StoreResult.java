package org.balloon.gateway.domain;

/**
 * What storing one score did: the row as stored, and whether it changed anything (a redelivered,
 * identical score changes nothing and keeps its sequence).
 */
public record StoreResult(StoredScore score, boolean changed) {
}
