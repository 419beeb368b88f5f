package io.github.hvae.springai;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.provider.MemoryConversations;
import java.util.List;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.DefaultChatClient;
import org.springframework.ai.chat.client.advisor.api.BaseChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * A Spring AI {@link ChatClient} as a model under test, with everything the application gave it:
 * default system text, options and advisors (retrieval, guardrails, logging). A client whose
 * default advisors keep chat memory ({@link BaseChatMemoryAdvisor}: {@code
 * MessageChatMemoryAdvisor}, {@code PromptChatMemoryAdvisor}, {@code VectorStoreChatMemoryAdvisor})
 * is sent only each request's new message, under one conversation id per sample ({@link
 * ChatMemory#CONVERSATION_ID}), so the memory holds each turn once and samples never share one; a
 * client without one is sent the whole conversation so far.
 */
final class ChatClientAgent implements ModelAgent {

  private final ModelSpec name;
  private final ChatClient client;
  private final boolean keepsMemory;
  private final ChatOptions defaults;
  private final MemoryConversations conversations;

  private ChatClientAgent(ModelSpec name, ChatClient client) {
    this.name = name;
    this.client = client;
    // The default request of the client Spring AI builds exposes its advisors and options.
    ChatClient.ChatClientRequestSpec defaults = client.prompt();
    if (defaults instanceof DefaultChatClient.DefaultChatClientRequestSpec spec) {
      this.keepsMemory = spec.getAdvisors().stream().anyMatch(BaseChatMemoryAdvisor.class::isInstance);
      this.defaults = spec.getChatOptions();
    } else {
      this.keepsMemory = false;
      this.defaults = null;
    }
    this.conversations = new MemoryConversations("the model " + name + " (a Spring AI ChatClient with chat memory)");
  }

  static ChatClientAgent of(ModelSpec name, Object client) {
    return new ChatClientAgent(name, (ChatClient) client);
  }

  @Override
  public ModelSpec spec() {
    return name;
  }

  @Override
  public ModelReply chat(ChatRequest request) {
    ChatClient.ChatClientRequestSpec spec = client.prompt();
    if (keepsMemory) {
      String conversation = conversations.memoryId(request);
      spec = spec.messages(List.of(Replies.message(request.lastMessage())))
          .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, conversation));
    } else {
      spec = spec.messages(Replies.messages(request.messages()));
    }
    ChatResponse response;
    try {
      var options = Replies.options(request.options(), defaults);
      if (options.isPresent()) {
        spec = spec.options(options.get());
      }
      response = spec.call().chatResponse();
    } catch (RuntimeException e) {
      throw new ModelException("the model " + name + " (a Spring AI ChatClient) failed: " + e, e);
    }
    return Replies.reply(request, response);
  }
}
