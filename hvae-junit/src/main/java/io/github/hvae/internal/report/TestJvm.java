package io.github.hvae.internal.report;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which test JVM of which build writes a report: what {@link ReportFiles#writeRun} needs to put a
 * run's evaluations beside those of the build's other JVMs instead of over them.
 *
 * <p>Surefire and Failsafe run tests in forked JVMs ({@code forkCount}, {@code reuseForks=false}),
 * concurrently or one after another, and every fork is a child of the Maven process through a
 * shell. That Maven process, named by its process id and start time, is the build: the forks of
 * one {@code mvn} invocation share it, a later invocation has another. Nothing needs configuring,
 * and the fork number ({@code ${surefire.forkNumber}}) is not used: Surefire hands it to the JVM as
 * an empty string when it is a property's whole value, and with {@code reuseForks=false} the same
 * number names several JVMs one after another.
 *
 * <p>A fork may run several JUnit executions one after another (with {@code forkCount > 1} Surefire
 * runs each test class as its own execution), so a run's name counts them: {@code jvm<pid>-<n>}.
 *
 * @param build the build the JVM belongs to, empty when it is not a Surefire or Failsafe fork (an
 *     IDE, the console launcher, Gradle, Surefire with {@code forkCount=0})
 * @param jvm this run's name among the build's, unique while the build runs
 * @param startedAt when this JVM started: a fork's runs share its time limit and elapsed time
 */
public record TestJvm(Optional<String> build, String jvm, Instant startedAt) {

  private static final AtomicInteger RUNS = new AtomicInteger();

  /** How far up from this JVM the Maven process may be: fork, shell, Maven. */
  private static final int MAX_ANCESTORS = 4;

  public TestJvm {
    build.ifPresent(TestJvm::checkName);
    checkName(jvm);
  }

  /** A new run in this JVM, part of a Maven build when Surefire or Failsafe forked the JVM. */
  public static TestJvm current() {
    String jvm = "jvm" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet();
    Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    if (!isSurefireFork(System.getProperty("sun.java.command", ""))) {
      return new TestJvm(Optional.empty(), jvm, started);
    }
    return new TestJvm(buildOf(ProcessHandle.current()), jvm, started);
  }

  /** A run outside any build: its report replaces the previous run's. */
  public static TestJvm alone(String jvm) {
    return new TestJvm(Optional.empty(), jvm, Instant.now());
  }

  /** A run of a build, as tests name them. */
  public static TestJvm of(String build, String jvm) {
    return new TestJvm(Optional.of(build), jvm, Instant.now());
  }

  /** Surefire's fork starts {@code ForkedBooter}, from its booter jar or by class name. */
  static boolean isSurefireFork(String javaCommand) {
    return javaCommand.contains("surefirebooter") || javaCommand.contains("org.apache.maven.surefire.booter.ForkedBooter");
  }

  /**
   * The nearest ancestor that is a Java process (the shell Surefire starts the fork with is skipped),
   * as {@code <pid>-<start in epoch ms>}; empty when the process table does not tell (then every
   * JVM's report stands alone, as without forks).
   */
  static Optional<String> buildOf(ProcessHandle self) {
    Optional<ProcessHandle> ancestor = self.parent();
    for (int i = 0; i < MAX_ANCESTORS && ancestor.isPresent(); i++) {
      ProcessHandle process = ancestor.get();
      ProcessHandle.Info info = process.info();
      Optional<Instant> started = info.startInstant();
      if (started.isEmpty()) {
        return Optional.empty();
      }
      if (info.command().map(TestJvm::isJava).orElse(false)) {
        return Optional.of("build-" + process.pid() + "-" + started.get().toEpochMilli());
      }
      ancestor = process.parent();
    }
    return Optional.empty();
  }

  private static boolean isJava(String command) {
    String name = command.substring(Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\')) + 1);
    return name.equals("java") || name.equals("java.exe") || name.equals("javaw.exe");
  }

  private static void checkName(String name) {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("'" + name + "' is not a file name of letters, digits, '.', '_' and '-'");
    }
  }
}
