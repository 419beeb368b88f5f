package io.github.hvae.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                Path.of("c"), ModelSpec.parse("openai:gpt-4o-mini"),
                "com.acme.Outer$Inner#angle[-12.5°]"))
        .isEqualTo(Path.of("c/openai_gpt-4o-mini/com.acme.Outer_Inner/angle[-12.5deg].json"));
    assertThat(Cassettes.fileName("..")).isEqualTo("_..");
    assertThat(Cassettes.fileName("reference:fixed=PROSOCIAL,noise=3")).isEqualTo("reference_fixed=PROSOCIAL,noise=3");
    assertThat(Cassettes.fileFor(Path.of("c"), ModelSpec.parse("openai:x"), "a.B#..").getFileName().toString())
        .matches("_\\.\\.~[0-9a-f]{8}\\.json");
  }

  @Test
  void namesThatSanitiseAlikeGetFilesOfTheirOwnAndCommonNamesStayAsTheyWere() {
    Path root = Path.of("c");
    List<Path> files = new ArrayList<>();
    for (String model : List.of("openai:a:b", "openai:a/b", "openai:a b", "openai:a_b", "a_b")) {
      files.add(Cassettes.fileFor(root, ModelSpec.parse(model), "com.acme.T#m[PROSOCIAL]"));
    }
    assertThat(files).doesNotHaveDuplicates();
    assertThat(files.get(3)).isEqualTo(Path.of("c/openai_a_b/com.acme.T/m[PROSOCIAL].json"));
    assertThat(files.subList(0, 3)).allMatch(f -> f.getName(1).toString().matches("openai_a_b~[0-9a-f]{8}"));
    assertThat(files.get(4).getName(1).toString()).matches("a_b~[0-9a-f]{8}");

    // The names every existing cassette has: a target with a model and goal prompting, an angle.
    assertThat(Cassettes.fileFor(root, ModelSpec.parse("reference:fixed=PROSOCIAL,noise=3"),
            "com.acme.AlignmentTest#follows[22.5° · reference:fixed=PROSOCIAL,noise=3 · goal off]"))
        .isEqualTo(Path.of("c/reference_fixed=PROSOCIAL,noise=3/com.acme.AlignmentTest/follows[22.5deg___reference_fixed=PROSOCIAL,noise=3___goal_off].json"));
    // Ids that differ only where sanitising loses the difference.
    assertThat(Cassettes.fileFor(root, ModelSpec.parse("openai:x"), "com.acme.T#m[P · openai:a:b]"))
        .isNotEqualTo(Cassettes.fileFor(root, ModelSpec.parse("openai:x"), "com.acme.T#m[P · openai:a/b]"));
    assertThat(Cassettes.fileFor(root, ModelSpec.parse("openai:x"), "com.acme.Outer$Inner#m[P]"))
        .isNotEqualTo(Cassettes.fileFor(root, ModelSpec.parse("openai:x"), "com.acme.Outer_Inner#m[P]"));
    assertThat(Cassettes.fileFor(root, ModelSpec.parse("openai:x"), "com.acme.T#m(SvoEvaluation)[P]"))
        .isNotEqualTo(Cassettes.fileFor(root, ModelSpec.parse("openai:x"), "com.acme.T#m_SvoEvaluation_[P]"));
  }

  @Test
  void aCassetteRecordedUnderThePlainNameStillServesItsOwnModelAndNoOther(@TempDir Path dir) throws Exception {
    Path plain = dir.resolve("openai_a_b/com.acme.T/m[PROSOCIAL].json");
    Files.createDirectories(plain.getParent());
    Files.writeString(plain, "{\n  \"schema\": \"hvae-cassette/1\",\n  \"test\": \"com.acme.T#m[PROSOCIAL]\",\n"
        + "  \"provider\": \"openai\",\n  \"model\": \"a/b\",\n  \"baseUrl\": \"\",\n  \"simulated\": false,\n  \"samples\": []\n}\n");

    assertThat(Cassettes.fileFor(dir, ModelSpec.parse("openai:a/b"), "com.acme.T#m[PROSOCIAL]")).isEqualTo(plain);
    assertThat(Cassettes.fileFor(dir, ModelSpec.parse("openai:a:b"), "com.acme.T#m[PROSOCIAL]")).isNotEqualTo(plain);
    assertThat(Cassettes.fileFor(dir, ModelSpec.parse("openai:a/b"), "com.acme.T#m[INDIVIDUALISTIC]").getParent().getParent())
        .isNotEqualTo(plain.getParent().getParent());
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
