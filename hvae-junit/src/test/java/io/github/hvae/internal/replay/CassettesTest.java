package io.github.hvae.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ModelSpec;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CassettesTest {

  @Test
  void oneFilePerEvaluationUnderModelAndTestClass() {
    assertThat(
            Cassettes.fileFor(
                Path.of("cassettes"), ModelSpec.parse("openai:gpt-4o-mini"),
                "com.acme.AlignmentTest#followsInducedValues[PROSOCIAL]"))
        .isEqualTo(Path.of("cassettes/openai_gpt-4o-mini/com.acme.AlignmentTest/followsInducedValues[PROSOCIAL].json"));
  }

  @Test
  void fileNamesKeepToCharactersEveryFileSystemAccepts() {
    assertThat(
            Cassettes.fileFor(
                Path.of("c"), ModelSpec.parse("openai:meta-llama/llama-3:8b"),
                "com.acme.Outer$Inner#angle[-12.5°]"))
        .isEqualTo(Path.of("c/openai_meta-llama_llama-3_8b/com.acme.Outer_Inner/angle[-12.5deg].json"));
    assertThat(Cassettes.fileName("..")).isEqualTo("_..");
    assertThat(Cassettes.fileName("reference:fixed=PROSOCIAL,noise=3")).isEqualTo("reference_fixed=PROSOCIAL,noise=3");
  }

  @Test
  void baseUrlsLoseCredentialsQueryAndFragment() {
    assertThat(Cassettes.redactedBaseUrl(Optional.of("https://user:sk-secret@api.example.com:8443/v1?key=sk-secret#x")))
        .isEqualTo("https://api.example.com:8443/v1");
    assertThat(Cassettes.redactedBaseUrl(Optional.of("http://localhost:11434/v1"))).isEqualTo("http://localhost:11434/v1");
    assertThat(Cassettes.redactedBaseUrl(Optional.of("not a url?key=sk-secret"))).isEqualTo("not a url");
    assertThat(Cassettes.redactedBaseUrl(Optional.of("http://u:sk-secret@bad host/v1?k=1"))).isEqualTo("http://bad host/v1");
    assertThat(Cassettes.redactedBaseUrl(Optional.empty())).isEmpty();
  }

  @Test
  void onlyReplayServesWithoutNetwork() {
    assertThat(Cassettes.servesWithoutNetwork("replay")).isTrue();
    assertThat(Cassettes.servesWithoutNetwork("REPLAY")).isTrue();
    assertThat(Cassettes.servesWithoutNetwork("auto")).isFalse();
    assertThat(Cassettes.servesWithoutNetwork("record")).isFalse();
    assertThat(Cassettes.servesWithoutNetwork("off")).isFalse();
  }
}
