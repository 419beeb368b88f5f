package io.github.hvae.springai;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A Spring AI {@link ChatModel} as a model under test. A chat model keeps no memory: every call
 * sends the whole conversation so far, roles as they are, with the options the run asks for over
 * the model's own defaults.
 */
final class ChatModelAgent implements ModelAgent {

  private final ModelSpec name;
  private final ChatModel model;

  private ChatModelAgent(ModelSpec name, ChatModel model) {
    this.name = name;
    this.model = model;
  }

  static ChatModelAgent of(ModelSpec name, Object model) {
    return new ChatModelAgent(name, (ChatModel) model);
  }

  @Override
  public ModelSpec spec() {
    return name;
  }

  @Override
  public ModelReply chat(ChatRequest request) {
    ChatResponse response;
    try {
      Prompt prompt =
          Prompt.builder()
              .messages(Replies.messages(request.messages()))
              .chatOptions(Replies.options(request.options(), model.getDefaultOptions()).orElse(null))
              .build();
      response = model.call(prompt);
    } catch (RuntimeException e) {
      throw new ModelException("the model " + name + " (a Spring AI ChatModel) failed: " + e, e);
    }
    return Replies.reply(request, response);
  }
}
