package io.paperpulse.streams.topology.intake;

/**
 * A deserialized key or value together with the exact bytes it came from, so that a record rejected
 * later (by validation) can be dead-lettered byte for byte.
 *
 * @param value the decoded object; null for a null (tombstone) payload
 * @param raw the bytes as read from the topic; null for a null payload
 */
public record Decoded<T>(T value, byte[] raw) {}
