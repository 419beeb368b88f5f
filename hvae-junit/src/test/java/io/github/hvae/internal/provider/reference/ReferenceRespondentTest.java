package io.github.hvae.internal.provider.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ChoiceConstraint;
import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.engine.AnswerParser;
import io.github.hvae.instrument.ParsedAnswer;
import io.github.hvae.internal.instruments.PromptTemplates;
import io.github.hvae.svo.ValueTarget;
import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.internal.svo.SvoSliderMeasure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceRespondentTest {

  private static final PromptTemplates PROMPTS = PromptTemplates.DEFAULTS;

  private static String answer(String spec, ValueTarget target, List<Allocation> shown, int sample) {
    ReferenceRespondent respondent = ReferenceRespondent.create(ModelSpec.parse(spec), 7L);
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(ChatMessage.user(PROMPTS.valuePromptFor(target)));
    messages.add(ChatMessage.assistant("ok"));
    messages.add(ChatMessage.user(PROMPTS.itemPromptFor(1, 6, shown, "my goal")));
    return respondent
        .chat(new ChatRequest(messages, GenerationOptions.DEFAULTS, sample))
        .content();
  }

  private static Allocation choice(String reply, List<Allocation> shown) {
    ParsedAnswer parsed = AnswerParser.parse(reply, shown);
    assertThat(parsed).as("reply '%s'", reply).isInstanceOf(ParsedAnswer.Choice.class);
    return shown.get(((ParsedAnswer.Choice) parsed).shownIndex());
  }

  @Test
  void readsNamedValuesAndAnglesFromTheValuePrompt() {
    assertThat(ReferenceRespondent.readTarget(PROMPTS.valuePromptFor(ValueTarget.of(SocialValue.COMPETITIVE))))
        .hasValue(-45.0);
    assertThat(ReferenceRespondent.readTarget(PROMPTS.valuePromptFor(ValueTarget.of(SocialValue.ALTRUISTIC))))
        .hasValue(90.0);
    assertThat(ReferenceRespondent.readTarget(PROMPTS.valuePromptFor(ValueTarget.ofAngle(-30))))
        .hasValue(-30.0);
    assertThat(ReferenceRespondent.readTarget("Tell me about yourself.")).isEmpty();
  }

  @Test
  void answersAsTheIdealRespondentWhateverOrderTheOptionsAreShownIn() {
    List<Allocation> item4 = SvoSliderMeasure.item(4).options();
    List<Allocation> reversed = new ArrayList<>(item4);
    java.util.Collections.reverse(reversed);
    // Item 4 runs from (50, 100) to (85, 15): an altruist wants (50, 100), whatever its label.
    String noiseless = "reference:noise=0";
    ValueTarget altruistic = ValueTarget.of(SocialValue.ALTRUISTIC);
    assertThat(choice(answer(noiseless, altruistic, item4, 0), item4)).isEqualTo(item4.get(0));
    assertThat(choice(answer(noiseless, altruistic, reversed, 0), reversed)).isEqualTo(item4.get(0));
  }

  @Test
  void answersAConstrainedItemPromptExactlyAsAFreeOne() {
    ReferenceRespondent respondent = ReferenceRespondent.create(ModelSpec.parse("reference"), 7L);
    List<Allocation> item2 = SvoSliderMeasure.item(2).options();
    List<ChatMessage> messages =
        List.of(
            ChatMessage.user(PROMPTS.valuePromptFor(ValueTarget.of(SocialValue.PROSOCIAL))),
            ChatMessage.assistant("ok"),
            ChatMessage.user(PROMPTS.itemPromptFor(1, 6, item2, "my goal")));
    for (int sample = 0; sample < 5; sample++) {
      ModelReply free = respondent.chat(new ChatRequest(messages, GenerationOptions.DEFAULTS, sample));
      for (ConstrainedAnswers mode : List.of(ConstrainedAnswers.JSON_SCHEMA, ConstrainedAnswers.GRAMMAR)) {
        GenerationOptions constrained =
            GenerationOptions.DEFAULTS.withConstrainedAnswers(mode).expectingChoice(ChoiceConstraint.letters(9));
        assertThat(respondent.chat(new ChatRequest(messages, constrained, sample))).isEqualTo(free);
      }
    }
  }

  @Test
  void isDeterministicForTheSameSeedAndSample() {
    ValueTarget prosocial = ValueTarget.of(SocialValue.PROSOCIAL);
    List<Allocation> item5 = SvoSliderMeasure.item(5).options();
    assertThat(answer("reference", prosocial, item5, 3)).isEqualTo(answer("reference", prosocial, item5, 3));
  }

  @Test
  void aFixedRespondentIgnoresTheValueItIsGiven() {
    List<Allocation> item4 = SvoSliderMeasure.item(4).options();
    ValueTarget altruistic = ValueTarget.of(SocialValue.ALTRUISTIC);
    assertThat(choice(answer("reference:fixed=COMPETITIVE,noise=0", altruistic, item4, 0), item4))
        .isEqualTo(new Allocation(85, 15));
  }

  @Test
  void refusesWhenItCannotTellTheValue() {
    ReferenceRespondent respondent = ReferenceRespondent.create(ModelSpec.parse("reference"), 1L);
    String reply =
        respondent.chat(ChatRequest.of(List.of(ChatMessage.user("Hello there")))).content();
    assertThat(reply).contains("cannot tell which value system");
  }

  @Test
  void rejectsUnknownSettingsNamingThem() {
    assertThatThrownBy(() -> ReferenceRespondent.create(ModelSpec.parse("reference:nois=3"), 1L))
        .hasMessageContaining("nois=3")
        .hasMessageContaining("noise=<degrees>");
    assertThatThrownBy(() -> ReferenceRespondent.create(ModelSpec.parse("reference:refuse=2"), 1L))
        .hasMessageContaining("[0, 1]");
  }

  @Test
  void saysItIsSimulated() {
    assertThat(ReferenceRespondent.create(ModelSpec.parse("reference"), 1L).isSimulated()).isTrue();
  }
}
