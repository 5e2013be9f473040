package dev.prompt4j.processor;

import dev.prompt4j.processor.bind.BoundMethod;
import dev.prompt4j.processor.bind.TemplateBinder;
import dev.prompt4j.processor.call.CallResolver;
import dev.prompt4j.processor.declare.DeclarationValidator;
import dev.prompt4j.processor.declare.Declarations;
import dev.prompt4j.processor.diag.Report;
import dev.prompt4j.processor.diag.Result;
import dev.prompt4j.processor.graph.FieldGraphValidator;
import dev.prompt4j.processor.media.MediaValidator;
import dev.prompt4j.processor.model.ModelAssembler;
import dev.prompt4j.processor.model.Models.CallConfig;
import dev.prompt4j.processor.model.Models.ComputedField;
import dev.prompt4j.processor.model.Models.PromptInterface;
import dev.prompt4j.processor.tools.ToolUses;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The stages one prompt interface goes through, each taking immutable input and returning an immutable
 * {@link Result}: declarations → calls → templates bound → media checked → computed-field graph → model. The first stage
 * that is not clean stops this interface (its report says why); the others are not affected.
 */
final class InterfacePipeline {
  private final DeclarationValidator declarations;
  private final CallResolver calls;
  private final TemplateBinder templates;
  private final FieldGraphValidator graph;
  private final MediaValidator media;
  private final ToolUses tools;

  InterfacePipeline(ProcessingEnvironment env) {
    this.declarations = new DeclarationValidator(env.getElementUtils(), env.getTypeUtils());
    this.calls = new CallResolver(env.getElementUtils());
    this.templates = new TemplateBinder(env);
    this.graph = new FieldGraphValidator(env.getTypeUtils());
    this.media = new MediaValidator(env);
    this.tools = new ToolUses(env.getElementUtils(), env.getTypeUtils());
  }

  /** The model of {@code type}, or no model with the report of why; {@code base}: another prompt interface here extends it. */
  Result<PromptInterface> run(TypeElement type, boolean base) {
    Result<Declarations> declared = declarations.validate(type, base);
    if (declared.value().isEmpty()) {
      return Result.stop(declared.report());
    }
    Declarations valid = declared.value().get();
    Result<Map<ExecutableElement, CallConfig>> called = calls.resolve(valid);
    Report report = declared.report().and(called.report()).and(tools.validate(valid.prompts(), type));
    if (called.value().isEmpty() || !report.isClean()) {
      return Result.stop(report);
    }
    Result<List<BoundMethod>> bound = templates.bind(valid);
    report = report.and(bound.report());
    if (bound.value().isEmpty()) {
      return Result.stop(report);
    }
    bound = media.validate(called.value().get(), bound.value().get());
    report = report.and(bound.report());
    if (bound.value().isEmpty()) {
      return Result.stop(report);
    }
    Result<Map<ExecutableElement, List<ComputedField>>> needed = graph.validate(valid, bound.value().get());
    report = report.and(needed.report());
    if (needed.value().isEmpty()) {
      return Result.stop(report);
    }
    return Result.of(ModelAssembler.assemble(valid, called.value().get(), bound.value().get(), needed.value().get()), report);
  }
}
