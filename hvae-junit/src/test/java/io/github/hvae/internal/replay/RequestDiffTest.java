package io.github.hvae.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.internal.replay.Cassette.Interaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestDiffTest {

  private static Interaction recorded(GenerationOptions options, ChatMessage... messages) {
    return new Interaction(List.of(messages), options, ModelReply.answered("A", TokenUsage.NONE));
  }

  private static ChatRequest now(GenerationOptions options, ChatMessage... messages) {
    return new ChatRequest(List.of(messages), options, 0);
  }

  @Test
  void namesTheMessageAndTheFirstDifferingLine() {
    String diff =
        RequestDiff.explain(
            recorded(GenerationOptions.DEFAULTS, ChatMessage.user("hello"), ChatMessage.assistant("hi"),
                ChatMessage.user("Question 1\nA. 85/85\nB. 85/76")),
            now(GenerationOptions.DEFAULTS, ChatMessage.user("hello"), ChatMessage.assistant("hi"),
                ChatMessage.user("Question 1\nA. 85/85\nB. 85/77")));

    assertThat(diff)
        .isEqualTo(
            "  message 3 of 3 (user) differs at line 3:\n"
                + "    - recorded: \"B. 85/76\"\n"
                + "    + now:      \"B. 85/77\"\n");
  }

  @Test
  void showsALongLineFromJustBeforeWhereItDiffers() {
    String common = "x".repeat(100);
    String diff =
        RequestDiff.explain(
            recorded(GenerationOptions.DEFAULTS, ChatMessage.user(common + " and more")),
            now(GenerationOptions.DEFAULTS, ChatMessage.user(common + ".")));

    assertThat(diff)
        .isEqualTo(
            "  message 1 of 1 (user) differs at line 1, column 101:\n"
                + "    - recorded: …\"" + "x".repeat(40) + " and more\"\n"
                + "    + now:      …\"" + "x".repeat(40) + ".\"\n");
  }

  @Test
  void namesChangedGenerationParameters() {
    String diff =
        RequestDiff.explain(
            recorded(GenerationOptions.DEFAULTS.withTemperature(0.7), ChatMessage.user("hello")),
            now(GenerationOptions.DEFAULTS, ChatMessage.user("hello")));

    assertThat(diff).isEqualTo("  generation parameters differ: recorded {temperature=0.7}, now {}\n");
  }

  @Test
  void namesAChangedRoleAndALongerConversation() {
    assertThat(
            RequestDiff.explain(
                recorded(GenerationOptions.DEFAULTS, ChatMessage.system("be kind"), ChatMessage.user("hello")),
                now(GenerationOptions.DEFAULTS, ChatMessage.user("be kind"), ChatMessage.user("hello"))))
        .isEqualTo("  message 1 of 2 (user, recorded as system)\n");
    assertThat(
            RequestDiff.explain(
                recorded(GenerationOptions.DEFAULTS, ChatMessage.user("hello")),
                now(GenerationOptions.DEFAULTS, ChatMessage.user("hello"), ChatMessage.assistant("hi"),
                    ChatMessage.user("again\nand again"))))
        .isEqualTo("  the conversation has 3 messages, the recording 1; first new message: assistant \"hi\"\n");
  }
}
