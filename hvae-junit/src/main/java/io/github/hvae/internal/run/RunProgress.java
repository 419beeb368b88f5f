package io.github.hvae.internal.run;

import io.github.hvae.internal.text.VisibleText;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.internal.accounting.RunDeadline;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Console lines while a run goes on, for runs against real models that take minutes: a line as
 * each evaluation finishes (verdict, samples, calls, tokens, time), and a run line (evaluations
 * done and running, calls, tokens, elapsed) once the run has lasted {@link #FIRST_LINE_AFTER}, then
 * every {@link #EVERY}. Evaluations that cost nothing and take milliseconds — the reference
 * respondent, cassette replay — print nothing here: the summary at the end of the run lists them.
 * A Surefire fork that runs its test classes one JUnit execution after another keeps one {@code
 * RunProgress} for all of them. Thread-safe.
 */
public final class RunProgress {

  public static final Duration FIRST_LINE_AFTER = Duration.ofSeconds(10);
  public static final Duration EVERY = Duration.ofSeconds(30);

  private final PrintStream console;
  private final Clock clock;
  private final Instant start;
  private final RunDeadline deadline;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong tokens = new AtomicLong();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger live = new AtomicInteger();
  private Instant nextLine;

  /**
   * @param deadline the run's time limit, whose start is the run's start
   */
  public RunProgress(PrintStream console, Clock clock, RunDeadline deadline) {
    this.console = console;
    this.clock = clock;
    this.start = deadline.start();
    this.deadline = deadline;
    this.nextLine = start.plus(FIRST_LINE_AFTER);
  }

  /** The agent, with its calls and tokens counted for the run line. */
  public ModelAgent metered(ModelAgent agent) {
    return new Metered(agent);
  }

  /**
   * An evaluation starts.
   *
   * @param talksToModel false for the reference respondent and replay, which stay quiet
   */
  public void started(boolean talksToModel) {
    running.incrementAndGet();
    if (talksToModel) {
      live.incrementAndGet();
    }
  }

  /** An evaluation finished; its line is printed unless it was quiet. */
  public void finished(SvoEvaluation e, boolean talksToModel) {
    running.updateAndGet(n -> Math.max(0, n - 1));
    int n = done.incrementAndGet();
    if (talksToModel) {
      console.println(VisibleText.of(String.format(
          Locale.ROOT,
          "HVAE %-6s %s on %s: %d/%d samples complete, %d calls, %s tokens, %s (%d done)",
          e.verdict(), e.test(), e.model(), e.samplesCompleted(), e.samplesRun(), e.calls(),
          compact(e.usage().totalTokens()), RunDeadline.describe(Duration.ofMillis(e.durationMs())), n)));
    }
  }

  /** An evaluation that never ran (DISABLED) counts as done, silently. */
  public void skipped() {
    done.incrementAndGet();
  }

  /**
   * Prints the run line when it is due: called every second or so by the run's ticker, and by
   * tests with a fake clock.
   */
  public synchronized void tick() {
    Instant now = clock.instant();
    if (now.isBefore(nextLine)) {
      return;
    }
    nextLine = now.plus(EVERY);
    if (live.get() == 0) {
      return;
    }
    console.println(runLine(now));
  }

  String runLine(Instant now) {
    StringBuilder line =
        new StringBuilder(String.format(
            Locale.ROOT,
            "HVAE run: %d evaluation(s) done, %d running; %d calls, %s tokens; %s elapsed",
            done.get(), running.get(), calls.get(), compact(tokens.get()),
            RunDeadline.describe(Duration.between(start, now))));
    deadline.limit().ifPresent(
        limit -> line.append(" of hvae.max-duration ").append(RunDeadline.describe(limit)));
    return line.toString();
  }

  /** 950, 12.3k, 4.56M. */
  static String compact(long n) {
    return io.github.hvae.internal.text.Numbers.tokens(n);
  }

  private final class Metered implements ModelAgent {
    private final ModelAgent delegate;

    Metered(ModelAgent delegate) {
      this.delegate = delegate;
    }

    @Override
    public ModelSpec spec() {
      return delegate.spec();
    }

    @Override
    public ModelReply chat(ChatRequest request) {
      ModelReply reply = delegate.chat(request);
      calls.incrementAndGet();
      tokens.addAndGet(reply.usage().totalTokens());
      return reply;
    }

    @Override
    public boolean isSimulated() {
      return delegate.isSimulated();
    }

    @Override
    public void close() {
      // A view for one evaluation: the registry closes the shared agent.
    }
  }
}
