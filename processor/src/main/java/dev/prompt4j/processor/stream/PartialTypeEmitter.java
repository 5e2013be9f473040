package dev.prompt4j.processor.stream;

import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Report;
import dev.prompt4j.processor.model.Models.PromptInterface;
import dev.prompt4j.processor.model.Models.PromptMethod;
import dev.prompt4j.processor.model.Models.ReturnShape;
import java.io.IOException;
import java.util.HashSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Streaming (#11): writes the partial types ({@link PartialTypes}) the streaming methods of a
 * compilation need, each once, and reports a name taken by a type Prompt4j did not write.
 */
public final class PartialTypeEmitter {
  private final Elements elements;
  private final Filer filer;
  private final Set<String> written = new HashSet<>();

  public PartialTypeEmitter(Elements elements, Filer filer) {
    this.elements = elements;
    this.filer = filer;
  }

  /** Writes the partial types of {@code model}'s record answers streamed with typed partials. */
  public Report write(PromptInterface model) throws IOException {
    Report.Builder report = new Report.Builder();
    for (PromptMethod method : model.methods()) {
      TypeElement answer = PartialTypes.record(method.output().valueType());
      if (answer == null || (method.shape() != ReturnShape.STREAM && method.shape().publisher() != ReturnShape.PARTIAL_PUBLISHER)) {
        continue;
      }
      for (TypeElement record : PartialTypes.closure(answer)) {
        String name = PartialTypes.partialName(record).canonicalName();
        if (written.contains(name)) {
          continue;
        }
        TypeElement existing = elements.getTypeElement(name);
        if (existing != null && !PartialTypes.isPartial(existing)) {
          report.report(Diagnostic.PARTIAL_TYPE_CLASH, method.element(), method.name() + "()", record.getQualifiedName(), name);
        } else {
          write(record); // one of ours from an earlier build is written again: the record may have changed since
        }
      }
    }
    return report.build();
  }

  /**
   * For an interface waiting for types: writes the partial types it names in {@code
   * Flow.Publisher<TPartial>} return types that a record answer explains (found by the naming rule,
   * in the interface's package or the name's own), so the interface can be processed in this round.
   *
   * @return the erroneous types (as {@link TypeMirror#toString()}) whose every name is such a partial type
   */
  public Set<String> writeNamedBy(TypeElement iface) throws IOException {
    Set<String> explained = new HashSet<>();
    String pkg = elements.getPackageOf(iface).getQualifiedName().toString();
    for (var member : iface.getEnclosedElements()) {
      if (member instanceof ExecutableElement method) {
        explain(method.getReturnType(), pkg, explained);
      }
    }
    return explained;
  }

  private void explain(TypeMirror type, String pkg, Set<String> explained) throws IOException {
    if (type == null) {
      return;
    }
    if (type.getKind() == TypeKind.ERROR) {
      Matcher m = PARTIAL_NAME.matcher(type.toString());
      boolean all = false;
      while (m.find()) {
        String name = m.group();
        var record = PartialTypes.recordOf(name.contains(".") || pkg.isEmpty() ? name : pkg + "." + name, elements);
        if (record.isEmpty()) {
          all = false;
          break;
        }
        all = true;
        for (TypeElement each : PartialTypes.closure(record.get())) {
          String partial = PartialTypes.partialName(each).canonicalName();
          TypeElement existing = elements.getTypeElement(partial);
          if (!written.contains(partial) && (existing == null || PartialTypes.isPartial(existing))) {
            write(each); // a name taken by another type is reported once the interface is processed
          }
        }
      }
      if (all) {
        explained.add(type.toString());
      }
    }
    if (type instanceof DeclaredType declared) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        explain(argument, pkg, explained);
      }
    }
  }

  private static final Pattern PARTIAL_NAME = Pattern.compile("[\\w.$]+Partial\\b");

  private void write(TypeElement record) throws IOException {
    written.add(PartialTypes.partialName(record).canonicalName());
    PartialTypes.write(record).writeTo(filer);
  }
}
