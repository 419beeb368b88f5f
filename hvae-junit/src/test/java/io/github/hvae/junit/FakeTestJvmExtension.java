package io.github.hvae.junit;

import io.github.hvae.internal.report.TestJvm;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes an engine run under test one test JVM of a build of the test's choosing, so that a test
 * can play several forks of a Surefire build in one JVM: configuration parameters {@code
 * test.jvm.build} (blank: a JVM outside any build) and {@code test.jvm.name}. Without them the run
 * is one outside any build, so that a test that runs a fixture twice into one folder gets the
 * second report, not both (in a real fork, both runs belong to the build). Register it on a
 * fixture class.
 */
public final class FakeTestJvmExtension implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    String build = context.getConfigurationParameter("test.jvm.build").orElse("");
    String name = context.getConfigurationParameter("test.jvm.name").orElse("jvm1");
    RunState.useTestJvm(context, build.isBlank() ? TestJvm.alone(name) : TestJvm.of(build, name));
  }
}
