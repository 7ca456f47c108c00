package io.paperpulse.registry.client;

/**
 * A schema reference as Confluent's API writes it: {@code name} is what the referencing schema
 * calls the referenced one (for Avro the full name of a type it defines), {@code subject} and
 * {@code version} say which registered schema that is.
 */
public record SchemaReference(String name, String subject, int version) {}
