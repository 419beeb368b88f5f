package com.example.supportbot;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;

/**
 * The support bot as a LangChain4j {@link ChatModel}: where a team would build {@code
 * OpenAiChatModel.builder()...build()}, this one answers by {@link SupportBotRules}, in memory.
 * It honours a JSON-schema response format, as structured-output models do.
 */
public class LangChain4jSupportBot implements ChatModel {

  @Override
  public ChatResponse doChat(ChatRequest request) {
    List<String> userMessages =
        request.messages().stream()
            .filter(UserMessage.class::isInstance)
            .map(m -> ((UserMessage) m).singleText())
            .toList();
    boolean json =
        request.responseFormat() != null && request.responseFormat().type() == ResponseFormatType.JSON;
    String answer = SupportBotRules.answer(userMessages, json);
    int promptChars = userMessages.stream().mapToInt(String::length).sum();
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(answer))
        .finishReason(FinishReason.STOP)
        .tokenUsage(new TokenUsage(promptChars / 4, answer.length() / 4 + 1))
        .build();
  }
}
