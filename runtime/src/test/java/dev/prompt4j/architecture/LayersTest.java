package dev.prompt4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The runtime's layers run one way:
 *
 * <pre>
 * dev.prompt4j                    the API users touch, with the listener and price SPIs: imports nothing below
 * dev.prompt4j.provider           provider SPI and built-in providers: the API only
 * dev.prompt4j.internal           generated-code ABI and the call pipeline
 *   internal.call                 attempt loop, retries, request factory, clients
 *   internal.config               typed configuration
 *   internal.output               parsing and validation of answers
 *   internal.cost                 the price table: the API only
 * </pre>
 *
 * Each rule fails the build when a change breaks it.
 */
class LayersTest {
  private static final JavaClasses RUNTIME =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.prompt4j");

  /** The public types of {@code dev.prompt4j.internal}: what generated code calls, and the engine ServiceLoader makes. */
  static final String[] ABI = {
    "dev.prompt4j.internal.PromptContext", "dev.prompt4j.internal.PromptMethod", "dev.prompt4j.internal.CallSpec",
    "dev.prompt4j.internal.Messages", "dev.prompt4j.internal.Values", "dev.prompt4j.internal.Outputs",
    "dev.prompt4j.internal.FieldTask", "dev.prompt4j.internal.Invocation", "dev.prompt4j.internal.MessageRenderer",
    "dev.prompt4j.internal.FieldComputation", "dev.prompt4j.internal.GeneratedPrompts", "dev.prompt4j.internal.PromptFactory",
    "dev.prompt4j.internal.Prompt4jEngine",
    "dev.prompt4j.internal.ToolResumption" // tools: a call paused for approval goes on
  };

  @Test
  void theApiImportsNothingInternal() {
    noClasses().that().resideInAPackage("dev.prompt4j")
        .should().dependOnClassesThat().resideInAnyPackage("dev.prompt4j.internal..", "dev.prompt4j.provider..")
        .check(RUNTIME);
  }

  @Test
  void providersSeeTheApiOnly() {
    noClasses().that().resideInAPackage("dev.prompt4j.provider..")
        .should().dependOnClassesThat().resideInAPackage("dev.prompt4j.internal..")
        .check(RUNTIME);
  }

  @Test
  void theStagesBelowThePipelineDoNotCallBackUp() {
    noClasses().that().resideInAnyPackage("dev.prompt4j.internal.call..", "dev.prompt4j.internal.config..", "dev.prompt4j.internal.output..")
        .should().dependOnClassesThat().resideInAPackage("dev.prompt4j.internal")
        .check(RUNTIME);
    noClasses().that().resideInAnyPackage("dev.prompt4j.internal.config..", "dev.prompt4j.internal.output..")
        .should().dependOnClassesThat().resideInAPackage("dev.prompt4j.internal.call..")
        .check(RUNTIME);
    noClasses().that().resideInAPackage("dev.prompt4j.internal.output..")
        .should().dependOnClassesThat().resideInAPackage("dev.prompt4j.internal.config..")
        .check(RUNTIME);
  }

  @Test
  void thePriceTableSeesTheApiOnly() {
    noClasses().that().resideInAPackage("dev.prompt4j.internal.cost..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.prompt4j.internal", "dev.prompt4j.internal.call..",
            "dev.prompt4j.internal.config..", "dev.prompt4j.internal.output..", "dev.prompt4j.provider..")
        .check(RUNTIME);
  }

  @Test
  void listenersAreToldThroughTheObserverOnly() {
    // The pipeline's stages reach listeners through internal.call.CallObserver, never directly: the
    // no-listener path stays one empty observer.
    noClasses().that().resideInAnyPackage("dev.prompt4j.internal.call..", "dev.prompt4j.internal.config..", "dev.prompt4j.internal.output..")
        .should().dependOnClassesThat().haveFullyQualifiedName("dev.prompt4j.PromptListener")
        .check(RUNTIME);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.prompt4j.(**)").should().beFreeOfCycles().check(RUNTIME);
  }

  @Test
  void theInternalPackageMakesPublicOnlyTheGeneratedCodeAbi() {
    classes().that().resideInAPackage("dev.prompt4j.internal").and().areTopLevelClasses().and().haveModifier(JavaModifier.PUBLIC)
        .should().haveFullyQualifiedName(ABI[0]).orShould().haveFullyQualifiedName(ABI[1]).orShould().haveFullyQualifiedName(ABI[2])
        .orShould().haveFullyQualifiedName(ABI[3]).orShould().haveFullyQualifiedName(ABI[4]).orShould().haveFullyQualifiedName(ABI[5])
        .orShould().haveFullyQualifiedName(ABI[6]).orShould().haveFullyQualifiedName(ABI[7]).orShould().haveFullyQualifiedName(ABI[8])
        .orShould().haveFullyQualifiedName(ABI[9]).orShould().haveFullyQualifiedName(ABI[10]).orShould().haveFullyQualifiedName(ABI[11])
        .orShould().haveFullyQualifiedName(ABI[12]).orShould().haveFullyQualifiedName(ABI[13])
        .check(RUNTIME);
  }
}
