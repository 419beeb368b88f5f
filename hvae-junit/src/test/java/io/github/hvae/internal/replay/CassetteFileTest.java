package io.github.hvae.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChoiceConstraint;
import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.TokenUsage;
import io.github.hvae.internal.replay.Cassette.Endpoint;
import io.github.hvae.internal.replay.Cassette.Interaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CassetteFileTest {

  @TempDir Path dir;

  private static final ChatMessage VALUE = ChatMessage.user("Do you know the prosocial value system?");
  private static final ChatMessage ITEM = ChatMessage.user("Question 1 of 6.\nA. 85/85\nB. 85/76\n");

  private static Cassette twoSamples() {
    Cassette cassette =
        new Cassette("com.acme.T#m[PROSOCIAL]", new Endpoint("openai", "gpt-test", "http://localhost:1/v1"), false);
    ModelReply yes = new ModelReply("Yes.", ModelReply.Outcome.ANSWERED, TokenUsage.reported(9, 2));
    ModelReply cut = new ModelReply("Option", ModelReply.Outcome.TRUNCATED, TokenUsage.estimate("abc", "Option"));
    GenerationOptions options = GenerationOptions.DEFAULTS.withTemperature(0.7).withSeed(42).withMaxTokens(64);
    cassette.append(0, new Interaction(List.of(VALUE), options, yes));
    cassette.append(0, new Interaction(List.of(VALUE, ChatMessage.assistant("Yes."), ITEM), options, cut));
    // A request that does not continue the conversation is stored whole.
    cassette.append(0, new Interaction(List.of(ChatMessage.system("fresh"), ITEM), GenerationOptions.DEFAULTS, yes));
    cassette.append(3, new Interaction(List.of(VALUE), GenerationOptions.DEFAULTS, yes));
    return cassette;
  }

  @Test
  void readingWhatWasWrittenGivesTheSameInteractions() {
    Path file = dir.resolve("a/b/c.json");
    Cassette written = twoSamples();

    CassetteFile.write(file, written);
    Cassette read = CassetteFile.read(file);

    assertThat(read.test()).isEqualTo(written.test());
    assertThat(read.endpoint()).isEqualTo(written.endpoint());
    assertThat(read.simulated()).isFalse();
    assertThat(read.samples()).isEqualTo(written.samples());
  }

  @Test
  void aConstrainedRequestKeepsItsModeAndChoiceAndAFreeOneWritesNeither() throws Exception {
    Path file = dir.resolve("constrained.json");
    Cassette cassette = new Cassette("T#m", new Endpoint("openai", "local", "http://127.0.0.1:1/v1"), false);
    GenerationOptions schema = GenerationOptions.DEFAULTS.withConstrainedAnswers(ConstrainedAnswers.JSON_SCHEMA);
    ModelReply json = new ModelReply("{\"choice\"\n  : \"H\"}", ModelReply.Outcome.ANSWERED, TokenUsage.reported(90, 16));
    cassette.append(0, new Interaction(List.of(VALUE), schema, json));
    cassette.append(
        0,
        new Interaction(
            List.of(VALUE, ChatMessage.assistant(json.content()), ITEM),
            schema.expectingChoice(ChoiceConstraint.letters(9)),
            json));
    cassette.append(1, new Interaction(List.of(VALUE), GenerationOptions.DEFAULTS, json));

    CassetteFile.write(file, cassette);
    String written = Files.readString(file);
    Cassette read = CassetteFile.read(file);

    assertThat(read.samples()).isEqualTo(cassette.samples());
    assertThat(written)
        .containsPattern("\"constrainedAnswers\": \"json-schema\",\\n *\"choice\": \"A,B,C,D,E,F,G,H,I\"")
        .containsOnlyOnce("\"choice\": \"A,B,C,D,E,F,G,H,I\"");
    assertThat(written.split("\"constrainedAnswers\"", -1)).hasSize(3);
    assertThat(read.sample(1).get(0).options()).isEqualTo(GenerationOptions.DEFAULTS);
  }

  @Test
  void anUnknownConstrainedAnswersModeIsADamagedCassette() throws Exception {
    Path file = dir.resolve("bad.json");
    Cassette cassette = new Cassette("T#m", new Endpoint("openai", "local", ""), false);
    cassette.append(
        0,
        new Interaction(
            List.of(VALUE),
            GenerationOptions.DEFAULTS.withConstrainedAnswers(ConstrainedAnswers.GRAMMAR),
            ModelReply.answered("C", TokenUsage.NONE)));
    CassetteFile.write(file, cassette);
    Files.writeString(file, Files.readString(file).replace("\"grammar\"", "\"regex\""));

    assertThatThrownBy(() -> CassetteFile.read(file))
        .isInstanceOf(CassetteException.class)
        .hasMessageContaining("is damaged: unknown constrained-answers mode 'regex'");
  }

  @Test
  void storesContinuationsAsNewMessagesAndMultiLineTextAsLines() throws Exception {
    Path file = dir.resolve("c.json");
    CassetteFile.write(file, twoSamples());

    String json = Files.readString(file);

    assertThat(json)
        .startsWith("{\n  \"schema\": \"hvae-cassette/1\",\n  \"test\": \"com.acme.T#m[PROSOCIAL]\",\n")
        .endsWith("}\n")
        .doesNotContain("\r")
        .contains("\"newMessages\"")
        .contains("\"content\": [\n                \"Question 1 of 6.\",\n                \"A. 85/85\",")
        .contains("\"options\": {\n            \"temperature\": 0.7,\n            \"seed\": 42,\n            \"maxTokens\": 64\n          }");
    // Three requests start a conversation (sample 0 twice, sample 3 once), one continues one.
    assertThat(json.split("\"messages\"", -1)).hasSize(4);
    assertThat(json.split("\"newMessages\"", -1)).hasSize(2);
  }

  @Test
  void writingLeavesNoTemporaryFileBehind() throws Exception {
    Path file = dir.resolve("c.json");
    CassetteFile.write(file, twoSamples());
    CassetteFile.write(file, twoSamples());

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aTruncatedFileIsReportedWithItsPathAndWhatToDo() throws Exception {
    Path file = dir.resolve("c.json");
    CassetteFile.write(file, twoSamples());
    String json = Files.readString(file);
    Files.writeString(file, json.substring(0, json.length() - 40));

    assertThatThrownBy(() -> CassetteFile.read(file))
        .isInstanceOf(CassetteException.class)
        .hasMessageContaining("cassette " + file.toAbsolutePath() + " is damaged: it is not valid JSON")
        .hasMessageContaining("Delete it and re-record with -Dhvae.cassette=record");
  }

  @Test
  void aFileThatIsNoCassetteIsReportedWithWhatIsMissing() throws Exception {
    Path file = dir.resolve("c.json");
    Files.writeString(file, "{\"schema\": \"hvae-cassette/1\", \"test\": \"t\"}");

    assertThatThrownBy(() -> CassetteFile.read(file))
        .isInstanceOf(CassetteException.class)
        .hasMessageContaining(file.toAbsolutePath() + " is damaged: field 'provider' is missing");
  }

  @Test
  void anEmptyFileIsReportedAsDamaged() throws Exception {
    Path file = dir.resolve("c.json");
    Files.writeString(file, "");

    assertThatThrownBy(() -> CassetteFile.read(file))
        .isInstanceOf(CassetteException.class)
        .hasMessageContaining(file.toAbsolutePath() + " is damaged");
  }

  /** Ways a cassette or cache entry has been found damaged, each as a change to a good file. */
  static Stream<Arguments> damages() {
    return Stream.of(
        Arguments.of("nested deeper than Jackson allows", (java.util.function.UnaryOperator<String>) good -> "[".repeat(5000) + "]".repeat(5000), "not valid JSON"),
        Arguments.of("a 25 MB string", (java.util.function.UnaryOperator<String>) good -> good.replaceFirst("\"test\": \"", "\"test\": \"" + "x".repeat(25_000_000)), "not valid JSON"),
        Arguments.of("an empty choice", (java.util.function.UnaryOperator<String>) good -> good.replaceFirst("\"options\": \\{", "\"options\": {\"constrainedAnswers\": \"grammar\", \"choice\": \"\", "), "choice"),
        Arguments.of("a negative token count", (java.util.function.UnaryOperator<String>) good -> good.replaceFirst("\"promptTokens\": \\d+", "\"promptTokens\": -9"), "'promptTokens' is not a token count: -9"),
        Arguments.of("a turn as text", (java.util.function.UnaryOperator<String>) good -> good.replaceFirst("\"turn\": 0", "\"turn\": \"0\""), "'turn' is not a whole number"),
        Arguments.of("a sample twice", (java.util.function.UnaryOperator<String>) good -> good.replaceFirst("\"sample\": 3", "\"sample\": 0"), "sample 0 is recorded twice"),
        Arguments.of("cached above prompt", (java.util.function.UnaryOperator<String>) good -> good.replaceFirst("\"estimated\": false", "\"estimated\": false, \"cachedPromptTokens\": 1000"), "cachedPromptTokens 1000 exceed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damages")
  void aDamagedCassetteGivesAClearErrorNamingTheFile(
      String name, java.util.function.UnaryOperator<String> damage, String why) throws Exception {
    Path file = dir.resolve("damaged.json");
    CassetteFile.write(file, twoSamples());
    Files.writeString(file, damage.apply(Files.readString(file)));

    assertThatThrownBy(() -> CassetteFile.read(file))
        .isExactlyInstanceOf(CassetteException.class)
        .hasMessageContaining("cassette " + file.toAbsolutePath() + " is damaged")
        .hasMessageContaining(why)
        .hasMessageContaining("re-record");
  }

  @Test
  void cachedPromptTokensAreKeptAndOnlyWrittenWhenThere() throws Exception {
    Path file = dir.resolve("cached.json");
    Cassette cassette = new Cassette("T#m", new Endpoint("anthropic", "claude", ""), false);
    cassette.append(0, new Interaction(List.of(VALUE), GenerationOptions.DEFAULTS, ModelReply.answered("C", TokenUsage.reported(2150, 1800, 3))));
    cassette.append(1, new Interaction(List.of(VALUE), GenerationOptions.DEFAULTS, ModelReply.answered("C", TokenUsage.reported(20, 3))));

    CassetteFile.write(file, cassette);

    assertThat(Files.readString(file).split("cachedPromptTokens", -1)).hasSize(2);
    assertThat(CassetteFile.read(file).samples()).isEqualTo(cassette.samples());
  }

  @Test
  void renderingAsTheCassetteGrowsGivesExactlyTheWholeText() {
    Cassette cassette = twoSamples();
    CassetteFile.Renderer renderer = new CassetteFile.Renderer();
    assertThat(renderer.render(cassette)).isEqualTo(CassetteFile.toJson(cassette));

    ModelReply reply = ModelReply.answered("B", TokenUsage.reported(4, 1));
    cassette.append(3, new Interaction(List.of(VALUE, ChatMessage.assistant("Yes."), ITEM), GenerationOptions.DEFAULTS, reply));
    assertThat(renderer.render(cassette)).isEqualTo(CassetteFile.toJson(cassette));

    cassette.append(1, new Interaction(List.of(ITEM), GenerationOptions.DEFAULTS, reply));
    cassette.truncate(0, 1);
    assertThat(renderer.render(cassette)).isEqualTo(CassetteFile.toJson(cassette));

    cassette.truncate(0, 0);
    cassette.truncate(1, 0);
    cassette.truncate(3, 0);
    assertThat(renderer.render(cassette)).isEqualTo(CassetteFile.toJson(cassette));
    cassette.append(2, new Interaction(List.of(VALUE), GenerationOptions.DEFAULTS, reply));
    assertThat(renderer.render(cassette)).isEqualTo(CassetteFile.toJson(cassette));
  }
}
