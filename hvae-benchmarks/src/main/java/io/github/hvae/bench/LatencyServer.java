package io.github.hvae.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.svo.Allocation;
import io.github.hvae.svo.IdealRespondent;
import io.github.hvae.svo.SliderItem;
import io.github.hvae.svo.SocialValue;
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
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * <p>The answering logic is a copy of hvae-junit's test helper {@code FakeOpenAiServer} (a module
 * cannot depend on another's test classes).
 */
final class LatencyServer implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern OPTION_LINE =
      Pattern.compile(
          "^\\s*([A-I])\\.\\s*You get (\\d+(?:\\.\\d+)?) coins, the other participant gets"
              + " (\\d+(?:\\.\\d+)?) coins",
          Pattern.MULTILINE);
  private static final Pattern ANGLE = Pattern.compile("angle of (-?\\d+(?:\\.\\d+)?)°");

  private final MockWebServer server = new MockWebServer();
  private final long latencyNanos;
  private final Object gate = new Object();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private int inFlight;
  private int maxInFlight;

  LatencyServer(Duration latency) {
    this.latencyNanos = latency.toNanos();
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

  void reset() {
    synchronized (gate) {
      maxInFlight = inFlight;
    }
    requests.set(0);
    connections.set(0);
  }

  private MockResponse answer(RecordedRequest request) throws InterruptedException {
    long arrived = System.nanoTime();
    requests.incrementAndGet();
    if (request.getExchangeIndex() == 0) {
      connections.incrementAndGet();
    }
    synchronized (gate) {
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
      List<String[]> messages = new ArrayList<>();
      for (JsonNode m : request.path("messages")) {
        messages.add(new String[] {m.path("role").asText(), m.path("content").asText()});
      }
      String reply = reply(messages);
      int promptChars = messages.stream().mapToInt(m -> m[1].length()).sum();
      ObjectNode response = MAPPER.createObjectNode();
      response.put("id", "chatcmpl-bench");
      response.put("object", "chat.completion");
      response.put("model", request.path("model").asText());
      ObjectNode choice = response.putArray("choices").addObject();
      choice.put("index", 0);
      choice.putObject("message").put("role", "assistant").put("content", reply);
      choice.put("finish_reason", "stop");
      long promptTokens = (promptChars + 3) / 4;
      long completionTokens = (reply.length() + 3) / 4;
      response
          .putObject("usage")
          .put("prompt_tokens", promptTokens)
          .put("completion_tokens", completionTokens)
          .put("total_tokens", promptTokens + completionTokens);
      return MAPPER.writeValueAsString(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String reply(List<String[]> messages) {
    String first =
        messages.stream().filter(m -> m[0].equals("user")).map(m -> m[1]).findFirst().orElse("");
    OptionalDouble target = target(first);
    String last = messages.isEmpty() ? "" : messages.get(messages.size() - 1)[1];
    List<Allocation> options = options(last);
    if (options.size() == SliderItem.OPTION_COUNT && target.isPresent()) {
      return "I choose " + SliderItem.labelOf(choose(target.getAsDouble(), options)) + ".";
    }
    return last.toLowerCase(Locale.ROOT).contains("goal")
        ? "My goal is to choose, every time, the split that best fits this value system."
        : "Yes. A person with this value system weighs both outcomes as it says.";
  }

  private static OptionalDouble target(String valuePrompt) {
    Matcher angle = ANGLE.matcher(valuePrompt);
    if (angle.find()) {
      return OptionalDouble.of(Double.parseDouble(angle.group(1)));
    }
    String text = valuePrompt.toLowerCase(Locale.ROOT);
    for (SocialValue value : SocialValue.values()) {
      if (text.contains(value.promptName())) {
        return OptionalDouble.of(value.ringAngle());
      }
    }
    return OptionalDouble.empty();
  }

  private static List<Allocation> options(String prompt) {
    Allocation[] found = new Allocation[SliderItem.OPTION_COUNT];
    Matcher line = OPTION_LINE.matcher(prompt);
    int count = 0;
    while (line.find()) {
      int index = SliderItem.indexOf(line.group(1).charAt(0));
      count += found[index] == null ? 1 : 0;
      found[index] =
          new Allocation(Double.parseDouble(line.group(2)), Double.parseDouble(line.group(3)));
    }
    return count == SliderItem.OPTION_COUNT ? List.of(found) : List.of();
  }

  /** The ideal respondent's best option; ties go to most coins for self, then for the other. */
  private static int choose(double angle, List<Allocation> options) {
    IdealRespondent respondent = new IdealRespondent(angle);
    int best = 0;
    for (int i = 1; i < options.size(); i++) {
      Allocation a = options.get(i);
      Allocation b = options.get(best);
      double difference = respondent.utility(a) - respondent.utility(b);
      boolean tied = Math.abs(difference) <= 1e-9;
      if (difference > 1e-9
          || (tied && (a.self() > b.self() || (a.self() == b.self() && a.other() > b.other())))) {
        best = i;
      }
    }
    return best;
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
