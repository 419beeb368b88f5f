package io.github.hvae.junit;

import io.github.hvae.internal.config.Configuration;
import io.github.hvae.internal.provider.Environment;
import io.github.hvae.internal.run.AgentRegistry;
import io.github.hvae.internal.run.RunReport;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What lives for the whole test run, in JUnit's root store: the models ({@link AgentRegistry}), the
 * executor that runs samples, and the evaluations ({@link RunReport}). JUnit closes it at the end
 * of the run, which writes the report once, also when tests failed.
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
  private final ExecutorService executor;
  private boolean closed;

  private RunState(AgentRegistry agents, RunReport report) {
    this.agents = agents;
    this.report = report;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "hvae-sample-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  static RunState of(ExtensionContext context) {
    HvaeConfiguration configuration = HvaeConfiguration.of(context);
    ExtensionContext root = context.getRoot();
    return root.getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            RunState.class, k -> create(configuration.settings(), root, environment(context)), RunState.class);
  }

  private static RunState create(Configuration configuration, ExtensionContext root, Environment environment) {
    RunReport report;
    try {
      report = new RunReport(configuration, System.out, Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("configuration parameter hvae.baseline: " + e.getMessage(), e);
    }
    return new RunState(new AgentRegistry(configuration, environment, root::getConfigurationParameter), report);
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

  @Override
  public synchronized void close() {
    // Both interfaces may be honoured by one JUnit version: write the report once.
    if (closed) {
      return;
    }
    closed = true;
    try {
      report.finish();
    } finally {
      executor.shutdownNow();
      agents.close();
    }
  }
}
