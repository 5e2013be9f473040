package dev.prompt4j;

/**
 * A tool call that waits for a person's decision ({@code @Tool(approval = REQUIRED)}), as a pending
 * {@link Response} lists it.
 *
 * <pre>{@code
 * for (PendingToolCall c : response.pending()) System.out.println(c.id() + ": " + c.name() + " " + c.arguments());
 * }</pre>
 *
 * @param id the call's id: what {@link ToolDecisions#approve} and {@link ToolDecisions#decline} name
 * @param name the tool the model asked for
 * @param arguments the arguments as the model sent them (JSON)
 */
public record PendingToolCall(String id, String name, String arguments) {}
