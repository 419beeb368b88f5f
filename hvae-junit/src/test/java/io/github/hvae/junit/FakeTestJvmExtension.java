package io.github.hvae.junit;

import io.github.hvae.internal.report.TestJvm;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes an engine run under test one test JVM of a build of the test's choosing, so that a test
 * can play several forks of a Surefire build in one JVM: configuration parameters {@code
 * test.jvm.build} (blank: a JVM outside any build) and {@code test.jvm.name}. Without them the run
 * finds out as a real one does. Register it on a fixture class.
 */
public final class FakeTestJvmExtension implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getConfigurationParameter("test.jvm.build")
        .ifPresent(
            build -> {
              String name = context.getConfigurationParameter("test.jvm.name").orElse("jvm1");
              RunState.useTestJvm(context, build.isBlank() ? TestJvm.alone(name) : TestJvm.of(build, name));
            });
  }
}
