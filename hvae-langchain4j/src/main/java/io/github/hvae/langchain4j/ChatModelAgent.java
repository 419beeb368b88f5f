package io.github.hvae.langchain4j;

import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;

/**
 * A LangChain4j {@link ChatModel} as a model under test. A chat model keeps no memory: every call
 * sends the whole conversation so far, roles as they are (system, user, assistant), with the
 * temperature, token limit and constrained-answer schema the run asks for over the model's own
 * default parameters.
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
    dev.langchain4j.model.chat.request.ChatRequest sent =
        dev.langchain4j.model.chat.request.ChatRequest.builder()
            .messages(Replies.messages(request))
            .parameters(Replies.parameters(request.options()))
            .build();
    ChatResponse response;
    try {
      response = model.chat(sent);
    } catch (ContentFilteredException e) {
      return Replies.filtered(request);
    } catch (RuntimeException e) {
      throw new ModelException("the model " + name + " (a LangChain4j ChatModel) failed: " + e, e);
    }
    if (response == null || response.aiMessage() == null) {
      return new ModelReply(
          "", ModelReply.Outcome.NO_CHOICES, Replies.usage(request, "", response == null ? null : response.tokenUsage()));
    }
    return Replies.reply(request, response.aiMessage().text(), response.finishReason(), response.tokenUsage());
  }
}
