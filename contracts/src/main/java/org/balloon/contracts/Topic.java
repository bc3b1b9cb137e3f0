package org.balloon.contracts;

/**
 * A topic of the contract: its name, what its keys and values are, and how many partitions it has
 * on a local run (the test harness and the local broker create it so; Kubernetes overlays may raise
 * it, never lower it).
 *
 * @param valueType the record a value is (JSON with {@code schemaVersion}); null values are tombstones
 */
public record Topic(String name, Class<?> keyType, Class<?> valueType, int localPartitions) {
}
