package io.github.hvae.internal.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.internal.provider.reference.ReferenceRespondent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A chat model behind real HTTP for tests: a MockWebServer that answers as the reference
 * respondent and counts requests, and an agent that talks to it over OkHttp with a bearer key.
 * The wire format is a minimal stand-in for a provider's API.
 */
public final class ChatServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  private final MockWebServer server = new MockWebServer();
  private final ReferenceRespondent respondent;

  public ChatServer(long seed) throws IOException {
    respondent = ReferenceRespondent.create(ModelSpec.parse("reference"), seed);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer(request);
          }
        });
    server.start();
  }

  /** Requests the server has received so far. */
  public int requestCount() {
    return server.getRequestCount();
  }

  public HttpUrl url(String path) {
    return server.url(path);
  }

  /** An agent for {@code spec} that calls this server, sending {@code apiKey} as a bearer token. */
  public ModelAgent agent(ModelSpec spec, String apiKey) {
    return new HttpChatAgent(spec, url("/v1/chat"), apiKey);
  }

  private MockResponse answer(RecordedRequest request) {
    try {
      JsonNode body = JSON.readTree(request.getBody().utf8());
      List<ChatMessage> messages = new ArrayList<>();
      for (JsonNode m : body.get("messages")) {
        messages.add(
            new ChatMessage(
                ChatMessage.Role.valueOf(m.get("role").asText().toUpperCase(Locale.ROOT)),
                m.get("content").asText()));
      }
      ModelReply reply =
          respondent.chat(
              new ChatRequest(messages, GenerationOptions.DEFAULTS, body.get("sample").asInt()));
      ObjectNode out = JSON.createObjectNode();
      out.put("content", reply.content());
      out.put("outcome", reply.outcome().name());
      out.put("promptTokens", reply.usage().promptTokens());
      out.put("completionTokens", reply.usage().completionTokens());
      return new MockResponse.Builder().code(200).body(out.toString()).build();
    } catch (IOException | RuntimeException e) {
      return new MockResponse.Builder().code(400).body(e.toString()).build();
    }
  }

  @Override
  public void close() {
    server.close();
  }

  private static final class HttpChatAgent implements ModelAgent {
    private final ModelSpec spec;
    private final HttpUrl url;
    private final String apiKey;
    private final OkHttpClient client = new OkHttpClient();

    HttpChatAgent(ModelSpec spec, HttpUrl url, String apiKey) {
      this.spec = spec;
      this.url = url;
      this.apiKey = apiKey;
    }

    @Override
    public ModelSpec spec() {
      return spec;
    }

    @Override
    public ModelReply chat(ChatRequest request) {
      ObjectNode body = JSON.createObjectNode();
      body.put("sample", request.sampleIndex());
      ArrayNode messages = body.putArray("messages");
      for (ChatMessage m : request.messages()) {
        messages.addObject().put("role", m.role().name()).put("content", m.content());
      }
      Request http =
          new Request.Builder()
              .url(url)
              .header("Authorization", "Bearer " + apiKey)
              .post(RequestBody.create(body.toString(), JSON_TYPE))
              .build();
      try (Response response = client.newCall(http).execute()) {
        if (response.code() != 200) {
          throw new ModelException("chat server answered HTTP " + response.code());
        }
        JsonNode out = JSON.readTree(response.body().string());
        return new ModelReply(
            out.get("content").asText(),
            ModelReply.Outcome.valueOf(out.get("outcome").asText()),
            TokenUsage.reported(out.get("promptTokens").asLong(), out.get("completionTokens").asLong()));
      } catch (IOException e) {
        throw new ModelException("chat server unreachable: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
