package dev.prompt4j.processor.diag;

import javax.tools.Diagnostic.Kind;

/**
 * Every message the processor can report, in one place. Each has a stable tag (for searching,
 * suppressing and documentation), states the rule, and suggests the fix where it can.
 */
public enum Diagnostic {
  // Declarations
  PROMPT_ON_CLASS(Kind.ERROR, "PromptOnClass",
      "@Prompt is on %s, a method of class %s; prompt methods are abstract methods of an interface: declare %s in an interface"),
  PROMPT_ON_DEFAULT_METHOD(Kind.ERROR, "PromptOnDefaultMethod",
      "@Prompt method %s has a body; a prompt method is abstract (Prompt4j writes its body): remove the body, or remove @Prompt and use @ComputedField for a value computed in code"),
  PROMPT_ON_STATIC_METHOD(Kind.ERROR, "PromptOnStaticMethod",
      "@Prompt method %s is static; a prompt method is an abstract instance method: remove 'static' and the body"),
  PROMPT_ON_PRIVATE_METHOD(Kind.ERROR, "PromptOnPrivateMethod",
      "@Prompt method %s is private; the generated class implements prompt methods, so they are abstract: remove 'private' and the body"),
  GENERIC_PROMPT_METHOD(Kind.ERROR, "GenericPromptMethod",
      "@Prompt method %s declares type parameters %s; Prompt4j checks templates and answers against concrete types at compile time: replace the type parameters with concrete types"),
  GENERIC_INTERFACE(Kind.ERROR, "GenericPromptInterface",
      "prompt interface %s declares type parameters; Prompt4j implements concrete interfaces only: remove the type parameters"),
  INACCESSIBLE_INTERFACE(Kind.ERROR, "InaccessibleInterface",
      "prompt interface %s is %s; the generated class must implement it from its package: make it package-private or public"),
  MISSING_PROMPT(Kind.ERROR, "MissingPrompt",
      "abstract method %s of prompt interface %s has no @Prompt; Prompt4j can only implement prompt methods: add @Prompt, or give it a default body"),
  TEMPLATE_SOURCE(Kind.ERROR, "TemplateSource",
      "@Prompt on %s %s; set exactly one of value (the template) and file (a template on the class path)"),
  TEMPLATE_FILE_NOT_FOUND(Kind.ERROR, "TemplateFileNotFound",
      "template file '%s' of %s was not found on the class path, source path or class output; check the path (relative to a resources root, no leading '/')"),
  TEMPLATE_FILE_UNREADABLE(Kind.ERROR, "TemplateFileUnreadable",
      "template file '%s' of %s was found but cannot be read: %s; template files are read as UTF-8: save it as UTF-8 and check it is a readable file"),
  COMPUTED_FIELD_NOT_DEFAULT(Kind.ERROR, "ComputedFieldNotDefault",
      "@ComputedField %s is not a default method of an interface; a computed field is code: give it a body with 'default'"),
  COMPUTED_FIELD_COLLISION(Kind.ERROR, "ComputedFieldCollision",
      "computed field '%s' has the name of %s; templates could not tell them apart in {%s}: rename one of them"),
  PARAMETER_HIDES_FIELD(Kind.ERROR, "ParameterHidesField",
      "parameter '%s' of %s (%s) hides computed field '%s' (%s) in that method, but computed field %s needs a %s there: the field would fit and the parameter does not, so it is unclear which was meant; rename the parameter, or give it type %s"),
  UNPROVIDED_FIELD_PARAMETER(Kind.ERROR, "UnprovidedFieldParameter",
      "parameter '%s' of computed field %s is bound by name, but %s has no parameter and the interface no computed field named '%s'%s"),
  FIELD_PARAMETER_TYPE(Kind.ERROR, "FieldParameterType",
      "parameter '%s' of computed field %s has type %s, but %s provides %s; make the types match"),
  COMPUTED_FIELD_CYCLE(Kind.ERROR, "ComputedFieldCycle",
      "computed fields depend on each other in a cycle: %s; a field cannot need its own value: break the cycle"),
  GENERIC_COMPUTED_FIELD(Kind.ERROR, "GenericComputedField",
      "@ComputedField %s declares type parameters %s; a field's value type must be known at compile time: use a concrete type"),
  COMPUTED_FIELD_VOID(Kind.ERROR, "ComputedFieldVoid",
      "computed field %s returns void; a computed field is a value for templates: return it"),
  UNUSED_PARAMETER(Kind.WARNING, "UnusedParameter",
      "parameter '%s' of %s is used by no placeholder of its template nor by any computed field it needs; use it ({%s}) or remove it"),
  UNSUPPORTED_RETURN_TYPE(Kind.ERROR, "UnsupportedReturnType",
      "%s returns %s, which Prompt4j cannot produce from an answer%s; return String, an enum, a record, List<...>, boolean, a number, a sealed interface of records, or any of these in Response<...> or CompletableFuture<...>"),

  // Streaming (#11)
  STREAM_ELEMENT_TYPE(Kind.ERROR, "StreamElementType",
      "%s returns %s, a stream of %s chunks; a text stream carries the answer's text as String chunks: return it with <String>, or PromptStream<T> for a typed answer (its events carry partials); a Flow.Publisher streams a record answer's generated partials (Flow.Publisher<TPartial>), and a Flow.Publisher or Stream of a record X the elements of a List<X> answer"),
  STREAM_ANNOTATION_PLACEMENT(Kind.ERROR, "StreamAnnotationPlacement",
      "@%s is on %s, which is not a record component; it says how a component of a streamed record answer appears in partials: put it on a record component"),
  FLUX_WITHOUT_REACTOR(Kind.ERROR, "FluxWithoutReactor",
      "%s returns %s, but Reactor is not on the compile class path; add the module io.projectreactor:reactor-core, or return Flow.Publisher<String> (JDK) or PromptStream<String>"),
  // Streaming: generated partial types (#11)
  PARTIAL_TYPE_CLASH(Kind.ERROR, "PartialTypeClash",
      "%s streams %s, whose generated partial type is %s, but a type of that name already exists and was not written by Prompt4j; rename that type (or the record)"),
  PARTIAL_TYPE_ORPHAN(Kind.ERROR, "PartialTypeOrphan",
      "%s returns %s, but %s is a Prompt4j partial type of no record answer found by its name (<Record>Partial, <Outer>_<Record>Partial in the record's package); return Flow.Publisher<TPartial> for the record T the method answers"),

  INVALID_MAX_ATTEMPTS(Kind.ERROR, "InvalidMaxAttempts",
      "@Prompt(maxAttempts = %d) on %s is negative; it counts the answers allowed, the first included: use 1 or more, or leave it out for the configured default (3)"),

  // @Call
  MISSING_CALL(Kind.ERROR, "MissingCall",
      "%s has no @Call and neither has interface %s; name the model: @Call(provider = \"openai\", model = \"gpt-4o-mini\") on the method or the interface"),
  BLANK_CALL_VALUE(Kind.ERROR, "BlankCallValue",
      "@Call %s is blank; a call needs a provider and a model: write the %s, as in @Call(provider = \"openai\", model = \"gpt-4o-mini\")"),
  INVALID_CALL_PARAMETER(Kind.ERROR, "InvalidCallParameter",
      "@Call(%s) is out of range: it must be %s, or left out for the provider's default"),
  INVALID_FALLBACK(Kind.ERROR, "InvalidFallback",
      "fallback '%s' is not of the form provider:model, for example \"anthropic:claude-haiku-4-5\""),

  // Templates
  EMPTY_TEMPLATE(Kind.ERROR, "EmptyTemplate", "the template is empty; write the prompt"),
  TEXT_BEFORE_FIRST_ROLE(Kind.ERROR, "TextBeforeFirstRole",
      "text '%s' stands before the first role marker (%s:); once a template uses role markers every line belongs to a section: move the text into a section, or start the template with SYSTEM: or USER:"),
  EMPTY_ROLE_SECTION(Kind.ERROR, "EmptyRoleSection",
      "the %s: section at template line %d is empty; write its text or remove the marker"),
  UNKNOWN_ROLE_MARKER(Kind.ERROR, "UnknownRoleMarker",
      "'%s' at template line %d is not a role marker (markers are SYSTEM:, USER:, ASSISTANT: and MESSAGES:, upper case, the colon right after the word); did you mean %s? To keep the line as text, start it with a backslash: %s"),
  ROLE_LIKE_TEXT(Kind.WARNING, "RoleLikeText",
      "'%s' at template line %d looks like a role marker but is sent as text (%s); did you mean %s? If it is text, start the line with a backslash (%s) to say so"),
  MESSAGES_SYNTAX(Kind.ERROR, "MessagesSyntax",
      "MESSAGES: takes exactly one placeholder naming a list of chat messages, as in MESSAGES: {history}, not '%s' (template line %d)"),
  UNBALANCED_BRACES(Kind.ERROR, "UnbalancedBraces",
      "%s at template line %d near '%s'; write {{ and }} for literal braces"),
  MALFORMED_PLACEHOLDER(Kind.ERROR, "MalformedPlaceholder",
      "%s at template line %d is not a placeholder; write {name}, {name.component}, {name:list} or {name:lists}, or {{ and }} for literal braces"),
  UNKNOWN_FORMAT_SPEC(Kind.ERROR, "UnknownFormatSpec",
      "%s at template line %d has the unknown format ':%s'; the formats are :list (one item per line) and :lists (blocks separated by a blank line)%s"),
  UNKNOWN_PLACEHOLDER(Kind.ERROR, "UnknownPlaceholder",
      "{%s} matches no parameter or @ComputedField of %s%s"),
  UNKNOWN_COMPONENT(Kind.ERROR, "UnknownComponent",
      "%s: %s has no record component, getter or no-argument method '%s'%s"),
  FORMAT_SHAPE(Kind.ERROR, "FormatShape",
      "%s: :%s needs %s, but %s is %s; remove the format or pass a list"),
  MESSAGES_TYPE(Kind.ERROR, "MessagesType",
      "MESSAGES: {%s} needs a List of dev.langchain4j.data.message.ChatMessage, but %s is %s; pass the conversation as a List<ChatMessage>"),

  // Media in templates (images, audio, PDF)
  MEDIA_OPTION(Kind.ERROR, "MediaOption",
      "%s at template line %d has the unknown option '%s'; %s"),
  MEDIA_TYPE(Kind.ERROR, "MediaType",
      "%s: :%s needs %s, but %s is %s; pass one of these types"),
  MEDIA_PLURAL(Kind.ERROR, "MediaPlural",
      "%s: :%s takes a List of media, but %s is one value (%s); write {%s:%s} for one value, or pass a List"),
  MEDIA_ROLE(Kind.ERROR, "MediaRole",
      "%s is in the %s: section; media go in USER: sections (langchain4j's system and assistant messages carry text only): move it to a USER: section"),
  MEDIA_NOT_ACCEPTED(Kind.ERROR, "MediaNotAccepted",
      "%s: provider '%s' (%s of %s) cannot take %s input; providers that can: %s; change the provider or the template"),
  // Tools (@Tool methods and the tools of prompt methods)
  DUPLICATE_TOOL_NAME(Kind.ERROR, "DuplicateToolName",
      "tool name '%s' of %s is also the name of %s; the model calls tools by name: rename one with @Tool(name = \"...\")"),
  TOOL_PARAMETER_TYPE(Kind.ERROR, "ToolParameterType",
      "tool %s cannot describe its arguments: %s"),
  TOOL_WITHOUT_DESCRIPTION(Kind.ERROR, "ToolWithoutDescription",
      "tool %s has no description; the model chooses tools by their descriptions: write a Javadoc comment on the method, or @Tool(\"what it does\")"),
  STRICT_TOOL_SCHEMA(Kind.ERROR, "StrictToolSchema",
      "tool %s is strict, but strict mode does not accept '%s' in its schema (at %s); remove the constraint, or set strict = false"),
  TOOL_NOT_CALLABLE(Kind.ERROR, "ToolNotCallable",
      "@Tool method %s is %s; the generated dispatcher calls it directly: make it a public or package-private instance method"),
  TOOL_CLASS_NOT_INSTANTIABLE(Kind.ERROR, "ToolClassNotInstantiable",
      "tool class %s of %s cannot be made by the generated code: %s; give it a public no-argument constructor, or pass an instance as a parameter of the method"),
  NOT_A_TOOL_CLASS(Kind.ERROR, "NotAToolClass",
      "%s, a tool class of %s, has no @Tool method; annotate the methods the model may call with @Tool"),
  APPROVAL_NEEDS_RESPONSE(Kind.ERROR, "ApprovalNeedsResponse",
      "%s can reach tool %s, which needs approval, but returns %s; a call that waits for approval returns a pending Response: return Response<%s>"),
  // Streaming with tools (#11/#12)
  STREAM_APPROVAL(Kind.ERROR, "StreamApproval",
      "%s streams its answer (%s) but can reach tool %s, which needs approval; a stream cannot wait for a decision: return Response<T> to pause for approval, or drop approval = REQUIRED"),

  // The processor itself
  SERVICE_FILE(Kind.ERROR, "ServiceFile",
      "cannot write %s (%s), so Prompt4j.create would not find the generated classes; check the class output folder is writable"),
  NATIVE_IMAGE_METADATA(Kind.ERROR, "NativeImageMetadata",
      "cannot write %s (%s), so a GraalVM native image could not bind this interface's answers; check the class output folder is writable"),
  MISSING_TYPES(Kind.ERROR, "MissingTypes",
      "prompt interface %s refers to %s, which no source declares and no annotation processor generated; fix the errors above or generate the type"),
  // Spring Boot starter: the interface index and the configuration metadata
  INDEX_FILE(Kind.ERROR, "IndexFile",
      "cannot write %s (%s), so frameworks (the Spring Boot starter) and IDEs would not see the prompt interfaces; check the class output folder is writable"),
  INTERNAL_ERROR(Kind.ERROR, "InternalError",
      "Prompt4j failed on %s: %s; this is a bug in Prompt4j, please report it with this interface"),

  // Cost (observability): a @Call model the runtime's price table does not price
  UNPRICED_MODEL(Kind.WARNING, "UnpricedModel",
      "@Call %s %s has no price in Prompt4j's price table (%s), so its calls report an unknown cost; %sprice it with prompt4j.prices.%s.%s=<input>,<output>[,<cached input>] (USD per million tokens) or a dev.prompt4j.PriceSource");

  private final Kind kind;
  private final String tag;
  private final String format;

  Diagnostic(Kind kind, String tag, String format) {
    this.kind = kind;
    this.tag = tag;
    this.format = format;
  }

  /** Error or warning. */
  public Kind kind() {
    return kind;
  }

  /** The stable tag, for example {@code UnknownPlaceholder}. */
  public String tag() {
    return tag;
  }

  /** The full message: {@code [Prompt4j:Tag] text}. */
  public String format(Object... arguments) {
    return "[Prompt4j:" + tag + "] " + String.format(format, arguments);
  }
}
