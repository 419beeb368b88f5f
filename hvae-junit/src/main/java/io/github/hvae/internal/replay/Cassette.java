package io.github.hvae.internal.replay;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelReply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One evaluation's recorded exchanges with a model: what was asked of which endpoint and what came
 * back, grouped by sample and in the order asked. Not thread-safe: {@link CassetteAgent} guards it.
 */
final class Cassette {

  /**
   * Where the requests went.
   *
   * @param baseUrl the endpoint without credentials, query or fragment; empty for the provider's
   *     own default
   */
  record Endpoint(String provider, String model, String baseUrl) {
    Endpoint {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(baseUrl, "baseUrl");
    }

    @Override
    public String toString() {
      String spec = model.isEmpty() ? provider : provider + ":" + model;
      return baseUrl.isEmpty() ? spec + " (provider's default endpoint)" : spec + " at " + baseUrl;
    }
  }

  /** One request and its reply; the request's sample is where the interaction is filed. */
  record Interaction(List<ChatMessage> messages, GenerationOptions options, ModelReply reply) {
    Interaction {
      messages = List.copyOf(messages);
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(reply, "reply");
    }

    static Interaction of(ChatRequest request, ModelReply reply) {
      return new Interaction(request.messages(), request.options(), reply);
    }

    boolean answers(ChatRequest request) {
      return messages.equals(request.messages()) && options.equals(request.options());
    }
  }

  private final String test;
  private final Endpoint endpoint;
  private boolean simulated;
  private final SortedMap<Integer, List<Interaction>> samples = new TreeMap<>();
  // Bumped by every change of a sample, so that a writer re-renders only the samples that changed.
  private final Map<Integer, Long> versions = new HashMap<>();
  private long changes;

  Cassette(String test, Endpoint endpoint, boolean simulated) {
    this.test = Objects.requireNonNull(test, "test");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.simulated = simulated;
  }

  String test() {
    return test;
  }

  Endpoint endpoint() {
    return endpoint;
  }

  boolean simulated() {
    return simulated;
  }

  void simulated(boolean simulated) {
    this.simulated = simulated;
  }

  /** The sample's interactions in the order they were asked; empty when none was recorded. */
  List<Interaction> sample(int sampleIndex) {
    return Collections.unmodifiableList(samples.getOrDefault(sampleIndex, List.of()));
  }

  /** Sample indices with at least one recording, ascending. */
  List<Integer> sampleIndices() {
    return List.copyOf(samples.keySet());
  }

  boolean isEmpty() {
    return samples.isEmpty();
  }

  /** Records the next interaction of a sample. */
  void append(int sampleIndex, Interaction interaction) {
    samples.computeIfAbsent(sampleIndex, k -> new ArrayList<>()).add(interaction);
    versions.put(sampleIndex, ++changes);
  }

  /** Changes when the sample's interactions change; equal versions mean equal interactions. */
  long version(int sampleIndex) {
    return versions.getOrDefault(sampleIndex, 0L);
  }

  /**
   * Makes {@code interaction} the sample's turn {@code turn} and its last, as a journal line says;
   * a turn past the sample's end is a gap no recording makes, and is refused.
   */
  void put(int sampleIndex, int turn, Interaction interaction) {
    int size = sample(sampleIndex).size();
    if (turn > size) {
      throw new IllegalArgumentException(
          "sample " + sampleIndex + " has " + size + " turns; turn " + turn + " cannot follow");
    }
    truncate(sampleIndex, turn);
    append(sampleIndex, interaction);
  }

  /** Forgets a sample's interactions from {@code turn} on: the conversation went another way. */
  void truncate(int sampleIndex, int turn) {
    List<Interaction> interactions = samples.get(sampleIndex);
    if (interactions != null) {
      interactions.subList(Math.min(turn, interactions.size()), interactions.size()).clear();
      if (interactions.isEmpty()) {
        samples.remove(sampleIndex);
      }
      versions.put(sampleIndex, ++changes);
    }
  }

  Map<Integer, List<Interaction>> samples() {
    return Collections.unmodifiableMap(samples);
  }

  /** The interaction the recording holds at this sample and turn, if any. */
  Optional<Interaction> at(int sampleIndex, int turn) {
    List<Interaction> interactions = samples.getOrDefault(sampleIndex, List.of());
    return turn < interactions.size() ? Optional.of(interactions.get(turn)) : Optional.empty();
  }
}
