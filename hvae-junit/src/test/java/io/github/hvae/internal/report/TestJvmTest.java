package io.github.hvae.internal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Which build a test JVM belongs to: what joins the reports of a build's forks. */
class TestJvmTest {

  @Test
  void surefireAndFailsafeForksAreRecognisedByTheirBooter() {
    assertThat(TestJvm.isSurefireFork(
        "/m/target/surefire/surefirebooter-20261201115712568_5.jar /m/target/surefire 2026-12-01T11-57-07_539-jvmRun2"
            + " surefire-20261201115712568_1tmp surefire_1-20261201115712568_4tmp")).isTrue();
    assertThat(TestJvm.isSurefireFork("org.apache.maven.surefire.booter.ForkedBooter /tmp x y")).isTrue();
    assertThat(TestJvm.isSurefireFork("com.intellij.rt.junit.JUnitStarter -ideVersion5 x")).isFalse();
    assertThat(TestJvm.isSurefireFork("org.junit.platform.console.ConsoleLauncher execute")).isFalse();
  }

  @Test
  void aSurefireForkBelongsToTheMavenProcessThatForkedIt() {
    // This test itself runs in a Surefire fork when Maven runs it.
    assumeTrue(TestJvm.isSurefireFork(System.getProperty("sun.java.command", "")), "not run by Surefire");

    TestJvm jvm = TestJvm.current();

    assertThat(jvm.build()).hasValueSatisfying(b -> assertThat(b).matches("build-\\d+-\\d+"));
    ProcessHandle maven = ProcessHandle.of(Long.parseLong(jvm.build().get().split("-")[1])).orElseThrow();
    assertThat(maven.info().commandLine().orElse("")).contains("java");
    assertThat(jvm.jvm()).startsWith("jvm" + ProcessHandle.current().pid() + "-");
    // Asked again, the same build (the forks of one mvn invocation agree on it), another run.
    TestJvm again = TestJvm.current();
    assertThat(again.build()).isEqualTo(jvm.build());
    assertThat(again.jvm()).isNotEqualTo(jvm.jvm());
  }

  @Test
  void namesMustBeFileNames() {
    assertThatThrownBy(() -> TestJvm.of("../up", "jvm1")).isInstanceOf(IllegalArgumentException.class);
  }
}
