package io.github.hvae.internal.replay;

import io.github.hvae.internal.io.AtomicFiles;

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
  // Guarded by lock: exchanges appended so far. Guarded by writeLock: how many of them the file holds.
  private long appended;
  private final Object writeLock = new Object();
  private long written;

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
    if (mode == CassetteMode.OFF) {
      throw new IllegalArgumentException("a cassette agent needs hvae.cassette record, replay or auto");
    }
    this.spec = Objects.requireNonNull(spec, "spec");
    this.endpoint = new Endpoint(spec.provider(), spec.model(), Cassettes.redactedBaseUrl(baseUrl));
    this.test = Objects.requireNonNull(test, "test");
    this.file = Objects.requireNonNull(file, "file");
    this.mode = mode;
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public ModelSpec spec() {
    return spec;
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
    synchronized (lock) {
      Cassette loaded = cassette();
      if (loaded.sample(sample).size() != turn) {
        throw new IllegalStateException(
            "sample " + sample + " of " + test + " sent two requests at once; the requests of one"
                + " sample must be sequential");
      }
      loaded.append(sample, Interaction.of(request, reply));
      loaded.simulated(modelAgent().isSimulated());
      nextTurn.put(sample, turn + 1);
      exchange = ++appended;
    }
    persist(exchange);
    return reply;
  }

  /**
   * Returns once the file holds the first {@code exchange} exchanges. Each write replaces the whole
   * file, so concurrent samples share writes: a sample that waited while another wrote finds its
   * exchange already written, and one write serves every sample that queued behind it. Writing on
   * every exchange under the cassette's lock made recording quadratic and serialised the samples.
   */
  private void persist(long exchange) {
    synchronized (writeLock) {
      if (written >= exchange) {
        return;
      }
      String json;
      long covers;
      synchronized (lock) {
        json = CassetteFile.toJson(cassette);
        covers = appended;
      }
      CassetteFile.writeJson(file, json);
      written = covers;
    }
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
        // One evaluation is one cassette, written by this agent alone: whatever temporary files
        // sit beside it come from a run that was killed while writing.
        try {
          AtomicFiles.deleteLeftovers(file);
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
      List<Integer> samples = loaded.sampleIndices();
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

  private static String reRecord() {
    return "\n  To re-record, run with -Dhvae.cassette=record (everything anew) or -Dhvae.cassette=auto"
        + " (keeps what still matches, records the rest), then review and commit the cassette.";
  }
}
