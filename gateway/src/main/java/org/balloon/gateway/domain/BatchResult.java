package org.balloon.gateway.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What storing one poll of the scores topic did.
 *
 * @param stored    every upserted score as it now stands, in sequence order, with whether it changed
 * @param retracted the actions retracted by this batch
 * @param rejected  scores the database refused (text it cannot hold, say): set aside, not stored
 */
public record BatchResult(List<StoreResult> stored, Set<UUID> retracted, int rejected) {
}
