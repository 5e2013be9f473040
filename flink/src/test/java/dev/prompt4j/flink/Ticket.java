package dev.prompt4j.flink;

import java.io.Serializable;

/** An input record of the tests. */
public record Ticket(long id, String text) implements Serializable {}
