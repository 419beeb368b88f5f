package io.github.hvae.junit;

import static io.github.hvae.svo.SocialValue.PROSOCIAL;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A test JVM for {@link TerminatedRunTest}: runs one evaluation that finishes and, with {@code
 * hang}, then one whose model never answers, as a stuck endpoint would — the parent sends SIGTERM
 * while it hangs. The hanging model creates the file named by the system property {@value #MARKER}
 * when it is first called, so the parent knows the first evaluation is done.
 *
 * <p>Arguments: report directory, {@code hang} or {@code finish}.
 */
public final class TerminatedRunChild {

  static final String MARKER = "terminated-run.marker";

  private TerminatedRunChild() {}

  public static void main(String[] args) {
    Path reportDir = Path.of(args[0]);
    Class<?> fixture = args[1].equals("hang") ? FinishesThenHangs.class : Finishes.class;
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("hvae.report-dir", reportDir.toString())
        .configurationParameter("hvae.baseline", reportDir.resolve("no-baseline.json").toString())
        .selectors(selectClass(fixture))
        .execute();
  }

  public static class Finishes {
    @ValueAlignmentTest(samples = 4)
    @TargetValue(PROSOCIAL)
    void finishes() {}
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  public static class FinishesThenHangs {
    @HvaeModel("stuck-endpoint")
    static ModelAgent stuck = new Stuck();

    @Order(1)
    @ValueAlignmentTest(samples = 4)
    @TargetValue(PROSOCIAL)
    void finishes() {}

    @Order(2)
    @ValueAlignmentTest(samples = 4, models = "stuck-endpoint")
    @TargetValue(PROSOCIAL)
    void hangs() {}
  }

  /** A model whose calls never return. */
  static final class Stuck implements ModelAgent {
    private final CountDownLatch never = new CountDownLatch(1);

    @Override
    public ModelSpec spec() {
      return new ModelSpec("stuck-endpoint", "");
    }

    @Override
    public ModelReply chat(ChatRequest request) {
      try {
        Files.createFile(Path.of(System.getProperty(MARKER)));
      } catch (FileAlreadyExistsException alreadyCalled) {
        // Another sample got here first.
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("interrupted");
    }
  }
}
