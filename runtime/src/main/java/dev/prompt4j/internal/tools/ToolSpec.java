package dev.prompt4j.internal.tools;

/**
 * One tool as the processor described it (generated-code ABI).
 *
 * @param name the name the model calls it by
 * @param description what it does, from its Javadoc or {@code @Tool("...")}
 * @param parametersSchema the JSON Schema of its arguments object, as compact JSON
 * @param approvalRequired whether each call waits for a person's decision
 * @param strict whether the schema is sent in strict mode
 */
public record ToolSpec(String name, String description, String parametersSchema, boolean approvalRequired, boolean strict) {}
