package io.github.hvae.internal.replay;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.replay.Cassette.Endpoint;
import io.github.hvae.internal.replay.Cassette.Interaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Records one evaluation's exchanges with a model to a cassette, or answers them from it.
 *
 * <p>A request is matched on the endpoint (provider, model, base URL without secrets), its sample
 * index, its position within that sample's conversation, its full message list and its generation
 * parameters; repeated samples therefore stay independent, each with its own recorded answers.
 *
 * <p>In {@link CassetteMode#REPLAY} the model agent is never created, so replay needs no API key,
 * no server and no network; a request without a matching recording throws a {@link
 * CassetteException} that shows what differed and how to re-record. In {@link CassetteMode#RECORD}
 * and {@link CassetteMode#AUTO} each new exchange is written to the cassette as soon as it arrives
 * (atomically, see {@link CassetteFile}), so a run killed mid-way loses at most the requests in
 * flight and {@code auto} later completes the cassette.
 *
 * <p>Thread-safe: the samples of an evaluation call it concurrently. The cassette is guarded by
 * one lock; the model is called outside it, and the file is written outside it too, by one write
 * that serves every sample waiting for it, so samples still run in parallel while recording.
 */
public final class CassetteAgent implements ModelAgent {

  private final ModelSpec spec;
  private final Endpoint endpoint;
  private final String test;
  private final Path file;
  private final CassetteMode mode;
  private final Supplier<ModelAgent> model;

  private final Object lock = new Object();
  // Guarded by lock: the cassette once loaded, or why it could not be; the next turn per sample.
  private Cassette cassette;
  private CassetteException unreadable;
  private final Map<Integer, Integer> nextTurn = new HashMap<>();
  private ModelAgent agent;
  // Guarded by lock: exchanges appended so far.
  private long appended;
  // Guarded by lock, with the cassette it renders.
  private final CassetteFile.Renderer renderer = new CassetteFile.Renderer();
  private final CassetteWriter writer;

  /**
   * @param spec the model the evaluation asks for
   * @param baseUrl the configured endpoint, if any; stored without credentials, query or fragment
   * @param test the evaluation's name, stored in the cassette
   * @param file the cassette file, see {@link Cassettes#fileFor}
   * @param mode record, replay or auto
   * @param model creates (or returns the shared) agent of the model; called at most once, and
   *     never in replay mode
   */
  public CassetteAgent(
      ModelSpec spec,
      Optional<String> baseUrl,
      String test,
      Path file,
      CassetteMode mode,
      Supplier<ModelAgent> model) {
    this(spec, baseUrl, test, file, mode, model, Writes.REWRITE_EACH_EXCHANGE);
  }

  /**
   * @param writes how exchanges reach the disk; {@link Writes#JOURNAL} only where the caller
   *     calls {@link #flush} when the evaluation ends
   */
  public CassetteAgent(
      ModelSpec spec,
      Optional<String> baseUrl,
      String test,
      Path file,
      CassetteMode mode,
      Supplier<ModelAgent> model,
      Writes writes) {
    if (mode == CassetteMode.OFF) {
      throw new IllegalArgumentException("a cassette agent needs hvae.cassette record, replay or auto");
    }
    this.spec = Objects.requireNonNull(spec, "spec");
    this.endpoint = new Endpoint(spec.provider(), spec.model(), Cassettes.redactedBaseUrl(baseUrl));
    this.test = Objects.requireNonNull(test, "test");
    this.file = Objects.requireNonNull(file, "file");
    this.mode = mode;
    this.model = Objects.requireNonNull(model, "model");
    this.writer = new CassetteWriter(file, Objects.requireNonNull(writes, "writes"), this::snapshot);
  }

  /** How a recording puts each exchange on disk; either way, before its call returns. */
  public enum Writes {
    /**
     * Rewrite the cassette file, atomically, for every exchange (concurrent samples share
     * rewrites). The file alone is always complete; a rewrite costs a rename over the old file,
     * 0.3 to 1 ms on ext4.
     */
    REWRITE_EACH_EXCHANGE,
    /**
     * Append each exchange to a journal beside the file, which every reader applies, and rewrite
     * the file in the background and on {@link #flush}: a write of the exchange per call instead
     * of a rename. The file alone is complete after {@code flush()}, which the caller must call
     * when the evaluation ends (the JVM's exit flushes too).
     */
    JOURNAL
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  /** How this agent puts exchanges on disk. */
  public Writes writes() {
    return writer.writes();
  }

  /** The cassette file this agent reads and writes. */
  public Path file() {
    return file;
  }

  @Override
  public boolean isSimulated() {
    synchronized (lock) {
      if (agent != null) {
        return agent.isSimulated();
      }
      if (mode != CassetteMode.RECORD && unreadable == null) {
        try {
          Cassette loaded = cassette();
          if (!loaded.isEmpty()) {
            return loaded.simulated();
          }
        } catch (CassetteException e) {
          // The evaluation reports the damaged file through chat(); here the spec must do.
        }
      }
      return spec.isReference();
    }
  }

  @Override
  public ModelReply chat(ChatRequest request) {
    int sample = request.sampleIndex();
    int turn;
    synchronized (lock) {
      Cassette loaded = cassette();
      turn = nextTurn.getOrDefault(sample, 0);
      Optional<Interaction> recorded = loaded.at(sample, turn);
      if (recorded.isPresent() && recorded.get().answers(request)) {
        nextTurn.put(sample, turn + 1);
        return recorded.get().reply();
      }
      if (mode == CassetteMode.REPLAY) {
        throw new CassetteException(noMatch(loaded, request, turn, recorded));
      }
      // Auto: the conversation takes another way from here, so the rest of this sample's
      // recording is stale.
      loaded.truncate(sample, turn);
    }
    ModelReply reply = modelAgent().chat(request);
    long exchange;
    Interaction interaction;
    synchronized (lock) {
      Cassette loaded = cassette();
      if (loaded.sample(sample).size() != turn) {
        throw new IllegalStateException(
            "sample " + sample + " of " + test + " sent two requests at once; the requests of one"
                + " sample must be sequential");
      }
      interaction = Interaction.of(request, reply);
      loaded.append(sample, interaction);
      loaded.simulated(modelAgent().isSimulated());
      nextTurn.put(sample, turn + 1);
      exchange = ++appended;
    }
    writer.persist(sample, turn, interaction, exchange);
    return reply;
  }

  /** The cassette as text when it holds more than {@code written} exchanges; null otherwise. */
  private CassetteWriter.Snapshot snapshot(long written) {
    synchronized (lock) {
      if (cassette == null || appended == written) {
        return null;
      }
      return new CassetteWriter.Snapshot(renderer.render(cassette), appended);
    }
  }

  /**
   * Rewrites the cassette file now with every exchange so far and removes the journal: after it
   * the file alone holds the recording. The JVM's exit does it for every agent; call it when an
   * evaluation ends to have the file complete at once.
   */
  public void flush() {
    writer.flush();
  }

  private ModelAgent modelAgent() {
    synchronized (lock) {
      if (agent == null) {
        agent = Objects.requireNonNull(model.get(), "model agent");
      }
      return agent;
    }
  }

  /** The cassette, read on first use; record mode starts afresh. Caller holds the lock. */
  private Cassette cassette() {
    if (unreadable != null) {
      throw unreadable;
    }
    if (cassette == null) {
      if (mode != CassetteMode.REPLAY) {
        try {
          writer.claim();
        } catch (IOException e) {
          throw new CassetteException(
              "cannot clean up beside cassette " + file.toAbsolutePath() + ": " + e, e);
        }
      }
      if (mode == CassetteMode.RECORD) {
        cassette = new Cassette(test, endpoint, spec.isReference());
      } else if (!Files.exists(file)) {
        if (mode == CassetteMode.REPLAY) {
          unreadable =
              new CassetteException(
                  "no cassette for "
                      + test
                      + " on "
                      + spec
                      + ": "
                      + file.toAbsolutePath()
                      + " does not exist (hvae.cassette=replay answers only from recordings)."
                      + reRecord());
          throw unreadable;
        }
        cassette = new Cassette(test, endpoint, spec.isReference());
      } else {
        Cassette read;
        try {
          read = CassetteFile.read(file);
        } catch (CassetteException e) {
          unreadable = e;
          throw e;
        }
        if (!read.endpoint().equals(endpoint) || !read.test().equals(test)) {
          if (mode == CassetteMode.REPLAY) {
            unreadable = new CassetteException(otherRecording(read));
            throw unreadable;
          }
          read = new Cassette(test, endpoint, spec.isReference());
        }
        cassette = read;
      }
    }
    return cassette;
  }

  private String otherRecording(Cassette read) {
    StringBuilder out = new StringBuilder("cassette ").append(file.toAbsolutePath());
    if (!read.test().equals(test)) {
      out.append(" was recorded for test ").append(read.test()).append(", not ").append(test);
    } else {
      out.append(" was recorded from ")
          .append(read.endpoint())
          .append("; this run asks ")
          .append(endpoint);
      if (!read.endpoint().baseUrl().equals(endpoint.baseUrl())) {
        out.append(" (set hvae.base-url as when recording, or re-record)");
      }
    }
    return out.append('.').append(reRecord()).toString();
  }

  private String noMatch(
      Cassette loaded, ChatRequest request, int turn, Optional<Interaction> recorded) {
    int sample = request.sampleIndex();
    List<Integer> samples = loaded.sampleIndices();
    if (turn == 0 && loaded.sample(sample).isEmpty() && (samples.isEmpty() || sample > samples.get(samples.size() - 1))) {
      return moreSamplesThanRecorded(sample, samples.size());
    }
    StringBuilder out =
        new StringBuilder("no recording matches request ")
            .append(turn + 1)
            .append(" (\"turn\": ")
            .append(turn)
            .append(") of sample ")
            .append(sample)
            .append(" of ")
            .append(test)
            .append(" in cassette ")
            .append(file.toAbsolutePath())
            .append(":\n");
    if (recorded.isPresent()) {
      out.append(RequestDiff.explain(recorded.get(), request));
      out.append("  The prompt or the protocol changed since the recording.");
    } else if (loaded.sample(sample).isEmpty()) {
      out.append("  sample ").append(sample).append(" was never recorded (the cassette holds ");
      out.append(
          samples.isEmpty()
              ? "no sample"
              : samples.size() + " sample(s), " + samples.get(0) + " to " + samples.get(samples.size() - 1));
      out.append("); more samples than when recording?");
    } else {
      out.append("  the recording of sample ")
          .append(sample)
          .append(" ends after ")
          .append(turn)
          .append(" request(s); this conversation goes on.");
    }
    return out.append(reRecord()).toString();
  }

  /**
   * The evaluation draws more samples than the cassette holds: sequential sampling goes on while
   * its interval is undecided, which a changed threshold or confidence can cause without any
   * request changing. Said once, with both counts; {@code auto} adds the missing samples.
   */
  private String moreSamplesThanRecorded(int sample, int recorded) {
    return "the evaluation needs more samples than cassette " + file.toAbsolutePath() + " holds: it needs at least "
        + (sample + 1) + ", " + recorded + " are recorded (sample " + sample + " of " + test + " is not)."
        + " Sequential sampling draws more samples while the interval is undecided: a changed threshold,"
        + " hvae.confidence, hvae.samples or hvae.max-samples can ask for more than were recorded.\n"
        + "  To add them, run once with -Dhvae.cassette=auto (keeps the recorded samples, records the"
        + " missing ones from the model), then review and commit the cassette.";
  }

  private static String reRecord() {
    return "\n  To re-record, run with -Dhvae.cassette=record (everything anew) or -Dhvae.cassette=auto"
        + " (keeps what still matches, records the rest), then review and commit the cassette.";
  }
}
