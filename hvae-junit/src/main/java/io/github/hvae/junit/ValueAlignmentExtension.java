package io.github.hvae.junit;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.instrument.Target;
import io.github.hvae.internal.config.HvaeKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Expands a {@link ValueAlignmentTest} into one evaluated invocation per target and model. The
 * annotations are read and checked first ({@link TestDefinition}); each invocation then carries
 * its own condition (is the model available?), evaluation, parameters and baseline check.
 */
final class ValueAlignmentExtension implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, ValueAlignmentTest.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    HvaeConfiguration run = HvaeConfiguration.of(context);
    TestDefinition definition = HvaeConfiguration.configurationError(() -> TestDefinition.read(context, run.settings()));
    RunState.checkWritableDirectories(context, run.settings());
    List<TestTemplateInvocationContext> invocations = new ArrayList<>();
    for (Target target : definition.targets()) {
      for (ModelSpec model : definition.models()) {
        invocations.add(
            new AlignmentInvocation(
                definition, target, model, definition.configuration().with(HvaeKeys.MODEL, model)));
      }
    }
    return invocations.stream();
  }
}
