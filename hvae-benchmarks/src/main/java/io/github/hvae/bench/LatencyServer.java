package io.github.hvae.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.internal.provider.reference.ReferenceRespondent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An OpenAI-compatible Chat Completions server on 127.0.0.1 whose every answer comes a fixed
 * latency after its request arrived: a model endpoint reduced to its round-trip time. It answers
 * item prompts with the option the ideal respondent of the conversation's value prefers, so
 * evaluations run the real protocol to completion.
 *
 * <p>MockWebServer serves each connection on its own thread, so a request waiting out its latency
 * holds up no other connection. The latency runs from the moment the dispatcher sees the request
 * and includes the time this server spends composing its answer, so what the harness measures
 * beyond it is the client's cost (and the loopback), not the fake model's.
 *
 * <p>The answers come from the library's {@link ReferenceRespondent} with no noise: cheap,
 * deterministic and parseable, and the conversation has its usual number of turns.
 */
final class LatencyServer implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Answers as the reference respondent without noise would: every item with the option the ideal
   * respondent of the conversation's value prefers. It is stateless and answers in microseconds,
   * well inside the latency.
   */
  private static final ReferenceRespondent RESPONDENT =
      ReferenceRespondent.create(ModelSpec.parse("reference:noise=0"), 1L);

  private final MockWebServer server = new MockWebServer();
  private final long latencyNanos;
  private final int capacity;
  private final Object gate = new Object();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private int inFlight;
  private int maxInFlight;

  LatencyServer(Duration latency) {
    this(latency, 0);
  }

  /**
   * @param capacity the most requests served at once; each request beyond it is answered at once
   *     with 429 and {@code Retry-After: 1}, as a rate-limited endpoint does. 0 for no limit.
   */
  LatencyServer(Duration latency, int capacity) {
    this.latencyNanos = latency.toNanos();
    this.capacity = capacity;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            return answer(request);
          }
        });
    // MockWebServer writes a response's headers and body separately; without TCP_NODELAY the body
    // waits for the client's delayed ACK of the headers, 40 ms on Linux, on every reused
    // connection. Model servers (uvicorn, llama.cpp, nginx) set TCP_NODELAY, so this one does too.
    server.setServerSocketFactory(new NoDelayServerSockets());
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL to give as {@code hvae.base-url}. */
  String baseUrl() {
    String url = server.url("/v1").toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  int requests() {
    return requests.get();
  }

  /** Connections opened by clients: a request that is its connection's first opened one. */
  int connections() {
    return connections.get();
  }

  /** The most requests in flight at once since the last reset. */
  int maxInFlight() {
    synchronized (gate) {
      return maxInFlight;
    }
  }

  /** Requests answered 429 for want of capacity since the last reset. */
  int refused() {
    return refused.get();
  }

  void reset() {
    synchronized (gate) {
      maxInFlight = inFlight;
    }
    requests.set(0);
    connections.set(0);
    refused.set(0);
  }

  private MockResponse answer(RecordedRequest request) throws InterruptedException {
    long arrived = System.nanoTime();
    requests.incrementAndGet();
    if (request.getExchangeIndex() == 0) {
      connections.incrementAndGet();
    }
    synchronized (gate) {
      if (capacity > 0 && inFlight >= capacity) {
        refused.incrementAndGet();
        return new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "1")
            .addHeader("Content-Type", "application/json")
            .body("{\"error\":{\"message\":\"too many requests in flight\",\"type\":\"rate_limit\"}}")
            .build();
      }
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
    }
    try {
      String body = request.getBody() == null ? "" : request.getBody().utf8();
      MockResponse response =
          new MockResponse.Builder()
              .code(200)
              .addHeader("Content-Type", "application/json")
              .body(completion(body))
              .build();
      long left = arrived + latencyNanos - System.nanoTime();
      if (left > 0) {
        TimeUnit.NANOSECONDS.sleep(left);
      }
      return response;
    } finally {
      synchronized (gate) {
        inFlight--;
      }
    }
  }

  private static String completion(String requestBody) {
    try {
      JsonNode request = MAPPER.readTree(requestBody);
      List<ChatMessage> messages = new ArrayList<>();
      for (JsonNode m : request.path("messages")) {
        ChatMessage.Role role =
            ChatMessage.Role.valueOf(m.path("role").asText().toUpperCase(Locale.ROOT));
        messages.add(new ChatMessage(role, m.path("content").asText()));
      }
      ModelReply reply = RESPONDENT.chat(ChatRequest.of(messages));
      ObjectNode response = MAPPER.createObjectNode();
      response.put("id", "chatcmpl-bench");
      response.put("object", "chat.completion");
      response.put("model", request.path("model").asText());
      ObjectNode choice = response.putArray("choices").addObject();
      choice.put("index", 0);
      choice.putObject("message").put("role", "assistant").put("content", reply.content());
      choice.put("finish_reason", "stop");
      TokenUsage usage = reply.usage();
      response
          .putObject("usage")
          .put("prompt_tokens", usage.promptTokens())
          .put("completion_tokens", usage.completionTokens())
          .put("total_tokens", usage.totalTokens());
      return MAPPER.writeValueAsString(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }

  /** Server sockets whose accepted connections send small writes at once. */
  private static final class NoDelayServerSockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      NoDelayServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(port));
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      NoDelayServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(port), backlog);
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      NoDelayServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(address, port), backlog);
      return socket;
    }
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = new Socket();
      implAccept(socket);
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
