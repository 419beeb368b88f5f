package io.github.hvae.internal.replay;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.replay.Cassette.Endpoint;
import io.github.hvae.internal.replay.Cassette.Interaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An on-disk response cache ({@code hvae.cache=on}): a request asked before, with the same key as
 * a cassette's (endpoint, sample index, full messages, generation parameters), is answered from
 * {@code hvae.cache-dir} instead of the model, so assertions can be reworked without paying for
 * the same answers again. Unlike a cassette it is keyed by content, shared by all tests, never
 * strict (a miss asks the model) and not meant to be committed.
 *
 * <p>Each entry is a one-request cassette at {@code <cache-dir>/<2 hex>/<sha-256 of the key>.json},
 * written atomically; an unreadable entry counts as a miss and is rewritten.
 */
public final class CachingAgent implements ModelAgent {

  private final ModelSpec spec;
  private final Endpoint endpoint;
  private final Path dir;
  private final Supplier<ModelAgent> model;
  private final Object lock = new Object();
  private ModelAgent agent;

  /**
   * @param model creates (or returns the shared) agent of the model; called at most once, and
   *     only on a miss
   */
  public CachingAgent(ModelSpec spec, Optional<String> baseUrl, Path dir, Supplier<ModelAgent> model) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.endpoint = new Endpoint(spec.provider(), spec.model(), Cassettes.redactedBaseUrl(baseUrl));
    this.dir = Objects.requireNonNull(dir, "dir");
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  @Override
  public boolean isSimulated() {
    synchronized (lock) {
      return agent != null ? agent.isSimulated() : spec.isReference();
    }
  }

  @Override
  public ModelReply chat(ChatRequest request) {
    Path entry = entryFor(request);
    if (Files.exists(entry)) {
      try {
        Cassette cached = CassetteFile.readFile(entry);
        Optional<Interaction> hit = cached.at(request.sampleIndex(), 0);
        if (cached.endpoint().equals(endpoint) && hit.isPresent() && hit.get().answers(request)) {
          return hit.get().reply();
        }
      } catch (CassetteException e) {
        // A damaged entry (say, from a full disk) is only a miss: ask again and overwrite it.
      }
    }
    ModelAgent delegate = modelAgent();
    ModelReply reply = delegate.chat(request);
    Cassette entryCassette = new Cassette("(response cache)", endpoint, delegate.isSimulated());
    entryCassette.append(request.sampleIndex(), Interaction.of(request, reply));
    CassetteFile.write(entry, entryCassette);
    return reply;
  }

  private ModelAgent modelAgent() {
    synchronized (lock) {
      if (agent == null) {
        agent = Objects.requireNonNull(model.get(), "model agent");
      }
      return agent;
    }
  }

  /** The entry's file: the SHA-256 of every part of the key, each part length-prefixed. */
  Path entryFor(ChatRequest request) {
    StringBuilder key = new StringBuilder();
    part(key, endpoint.provider());
    part(key, endpoint.model());
    part(key, endpoint.baseUrl());
    part(key, Integer.toString(request.sampleIndex()));
    part(key, RequestDiff.describe(request.options()));
    for (ChatMessage message : request.messages()) {
      part(key, message.role().name());
      part(key, message.content());
    }
    String hash = HexFormat.of().formatHex(sha256(key.toString()));
    return dir.resolve(hash.substring(0, 2)).resolve(hash + ".json");
  }

  private static void part(StringBuilder key, String value) {
    key.append(value.length()).append(':').append(value).append(';');
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
