package io.github.hvae.junit;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.internal.accounting.DeadlineAgent;
import io.github.hvae.internal.accounting.RunDeadline;
import io.github.hvae.internal.config.Configuration;
import io.github.hvae.internal.config.HvaeKeys;
import io.github.hvae.internal.config.Key;
import io.github.hvae.internal.provider.Environment;
import io.github.hvae.internal.replay.CassetteMode;
import io.github.hvae.internal.report.ReportFiles;
import io.github.hvae.internal.report.TestJvm;
import io.github.hvae.internal.run.AgentRegistry;
import io.github.hvae.internal.run.RunProgress;
import io.github.hvae.internal.run.RunReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What lives for the whole test run, in JUnit's root store: the models ({@link AgentRegistry}), the
 * executor that runs samples, the run's time limit ({@code hvae.max-duration}), the evaluations
 * ({@link RunReport}) and the ticker of their progress lines. JUnit closes it at the end of the
 * run, which writes the report once, also when tests failed; a JVM that shuts down before that
 * (SIGTERM) writes it from a shutdown hook instead, once, with the evaluations that finished.
 *
 * <p>It implements both the deprecated {@code CloseableResource} and {@code AutoCloseable}: JUnit
 * 5.13+ closes an {@code AutoCloseable} store value only while {@code
 * junit.jupiter.extensions.store.close.autocloseable.enabled} is true (the default), and JUnit before
 * 5.13 closes only a {@code CloseableResource}; keeping both keeps the report written in either case.
 */
@SuppressWarnings("deprecation") // CloseableResource: see above
final class RunState implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunState.class);

  private final AgentRegistry agents;
  private final RunReport report;
  private final RunDeadline deadline;
  private final boolean replay;
  private final ExecutorService executor;
  private final ScheduledExecutorService ticker;
  private final Map<ModelAgent, ModelAgent> limitedViews = new java.util.IdentityHashMap<>();
  /** Writes the report if the JVM shuts down before JUnit closes the run (SIGTERM, Ctrl-C, System.exit). */
  private final Thread onShutdown = new Thread(this::closeOnShutdown, "hvae-report-on-shutdown");
  private boolean closed;

  private RunState(AgentRegistry agents, RunReport report, RunDeadline deadline, boolean replay) {
    this.agents = agents;
    this.report = report;
    this.deadline = deadline;
    this.replay = replay;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "hvae-sample-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "hvae-progress");
              thread.setDaemon(true);
              return thread;
            });
    ticker.scheduleWithFixedDelay(report.progress()::tick, 1, 1, TimeUnit.SECONDS);
    Runtime.getRuntime().addShutdownHook(onShutdown);
  }

  static RunState of(ExtensionContext context) {
    HvaeConfiguration configuration = HvaeConfiguration.of(context);
    ExtensionContext root = context.getRoot();
    return root.getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            RunState.class, k -> create(configuration.settings(), root, environment(context)), RunState.class);
  }

  /**
   * The time limit and progress lines of a fork's runs: with {@code forkCount > 1} Surefire runs
   * each test class as a JUnit execution of its own, and {@code hvae.max-duration} and the elapsed
   * time are the fork's, from its start, not the class's.
   */
  private record ForkRun(RunDeadline deadline, RunProgress progress) {}

  private static final Map<String, ForkRun> FORK_RUNS = new ConcurrentHashMap<>();

  private static ForkRun forkRun(Configuration configuration, TestJvm jvm, Clock clock) {
    Optional<Duration> limit = configuration.find(HvaeKeys.MAX_DURATION);
    if (jvm.build().isEmpty()) {
      RunDeadline deadline = RunDeadline.of(limit, clock, clock.instant());
      return new ForkRun(deadline, new RunProgress(System.out, clock, deadline));
    }
    String key = jvm.build().get() + "|" + configuration.get(HvaeKeys.REPORT_DIR).toAbsolutePath() + "|" + limit;
    return FORK_RUNS.computeIfAbsent(key, k -> {
      RunDeadline deadline = RunDeadline.of(limit, clock, jvm.startedAt());
      return new ForkRun(deadline, new RunProgress(System.out, clock, deadline));
    });
  }

  private static RunState create(Configuration configuration, ExtensionContext root, Environment environment) {
    Clock clock = Clock.systemUTC();
    TestJvm jvm = testJvm(root);
    ForkRun fork = forkRun(configuration, jvm, clock);
    RunDeadline deadline = fork.deadline();
    RunReport report;
    try {
      report = new RunReport(configuration, System.out, clock, jvm, fork.progress(), environment);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("configuration parameter hvae.baseline: " + e.getMessage(), e);
    }
    return new RunState(
        new AgentRegistry(configuration, environment, root::getConfigurationParameter), report, deadline,
        configuration.get(HvaeKeys.CASSETTE) == CassetteMode.REPLAY);
  }

  /**
   * This test JVM and its build, which decide how its report joins those of the build's other
   * JVMs. Tests of the extension may put a {@link TestJvm} in the root store under this namespace.
   */
  private static TestJvm testJvm(ExtensionContext root) {
    TestJvm fake = root.getStore(NAMESPACE).get(TestJvm.class, TestJvm.class);
    return fake != null ? fake : TestJvm.current();
  }

  static void useTestJvm(ExtensionContext context, TestJvm jvm) {
    context.getRoot().getStore(NAMESPACE).put(TestJvm.class, jvm);
  }

  /**
   * Where API keys are read from: the process environment. Tests of the extension may put a fake
   * {@link Environment} in the root store under this namespace instead of touching the real one.
   */
  static Environment environment(ExtensionContext context) {
    Environment fake = context.getRoot().getStore(NAMESPACE).get(Environment.class, Environment.class);
    return fake != null ? fake : Environment.system();
  }

  static void useEnvironment(ExtensionContext context, Environment environment) {
    context.getRoot().getStore(NAMESPACE).put(Environment.class, environment);
  }

  AgentRegistry agents() {
    return agents;
  }

  RunReport report() {
    return report;
  }

  ExecutorService executor() {
    return executor;
  }

  RunDeadline deadline() {
    return deadline;
  }

  /**
   * An agent of the run, bounded by its deadline and counted on its progress lines; one view per
   * agent, so that a shared agent stays one object wherever it is injected.
   */
  ModelAgent limited(ModelAgent agent) {
    synchronized (limitedViews) {
      return limitedViews.computeIfAbsent(agent, a -> report.progress().metered(new DeadlineAgent(a, deadline)));
    }
  }

  /** False for what costs nothing and takes milliseconds: the reference respondent, replay. */
  boolean talksToModel(ModelAgent agent) {
    return !replay && !agent.isSimulated();
  }

  @Override
  public synchronized void close() {
    // Both interfaces may be honoured by one JUnit version, and the shutdown hook may have run:
    // write the report once.
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(onShutdown);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to; it finds the run closed.
    }
    try {
      report.finish(agents.endpoints());
    } finally {
      ticker.shutdownNow();
      executor.shutdownNow();
      agents.close();
    }
  }

  /**
   * The JVM is going down before the run ended — SIGTERM from a CI runner's timeout or a cancelled
   * job, Ctrl-C, a {@code System.exit} — while a call may hang: the evaluations that finished still
   * get their complete report, once. Nothing is closed: the JVM is ending.
   */
  private synchronized void closeOnShutdown() {
    if (closed) {
      return;
    }
    closed = true;
    report.finishBeforeShutdown(agents.endpoints());
  }

  /**
   * Fails, naming the key, when a directory the run will write cannot be written (a file, {@code
   * /dev/null}, a directory this process may not write): {@code hvae.report-dir} always, {@code
   * hvae.cassette-dir} when recording, {@code hvae.cache-dir} when the cache is on. At the start of
   * the run, once, before any model call is paid for — rather than at its end with every result
   * lost, or after each sample's first call.
   */
  static void checkWritableDirectories(ExtensionContext context, Configuration configuration) {
    context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
        WritableDirectories.class,
        k -> {
          writable(configuration, HvaeKeys.REPORT_DIR, "the reports");
          if (configuration.get(HvaeKeys.CASSETTE) == CassetteMode.RECORD) {
            writable(configuration, HvaeKeys.CASSETTE_DIR, "the cassettes this run records");
          }
          if (configuration.get(HvaeKeys.CACHE)) {
            writable(configuration, HvaeKeys.CACHE_DIR, "the response cache");
          }
          return new WritableDirectories();
        },
        WritableDirectories.class);
  }

  private static void writable(Configuration configuration, Key<Path> key, String what) {
    Path directory = configuration.get(key);
    try {
      ReportFiles.checkWritable(directory);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          "configuration parameter " + key.name() + "='" + directory + "' cannot hold " + what + ": "
              + e.getMessage() + "; set it to a directory this build can write (default " + key.fallback().orElse("none") + ")."
              + " The run stops here, before any model is called", e);
    }
  }

  /** The directories the run writes, checked. */
  private record WritableDirectories() {}
}
