package io.github.hvae.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class KeyRedactorTest {

  static final String KEY = "sk-ant-api03-Zq8+fR2/xW9kLmN4pQ7tY1vB3cD5eF6gH0jK=";
  static final String CORE = KeyRedactor.core(KEY);

  private static final KeyRedactor REDACTOR = KeyRedactor.of(KEY);

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Every shape of the key that a server or a model has been seen to echo, or plausibly would. */
  static List<String> shapes() {
    String spaced = String.join(" ", CORE.split(""));
    String dashed = String.join("-", CORE.split(""));
    String zeroWidth = String.join("\u200b", CORE.split(""));
    return List.of(
        KEY,
        KEY.toUpperCase(Locale.ROOT),
        KEY.toLowerCase(Locale.ROOT),
        CORE,
        CORE.toUpperCase(Locale.ROOT),
        spaced,
        dashed,
        zeroWidth,
        "sk-ant-" + spaced.toUpperCase(Locale.ROOT),
        URLEncoder.encode(KEY, StandardCharsets.UTF_8),
        URLEncoder.encode(KEY, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
        base64("Bearer " + KEY),
        base64(KEY),
        base64("user:" + KEY),
        base64("x" + KEY + "y").replace('+', '-').replace('/', '_'),
        base64("Authorization: Bearer " + KEY));
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void removesTheKeyInEachShapeFromModelContent(String shape) {
    String scrubbed = REDACTOR.scrubContent("The header was: " + shape + " (echoed).");

    assertThat(scrubbed).startsWith("The header was: ").endsWith(" (echoed).").contains(KeyRedactor.MASK);
    assertThat(leaks(scrubbed)).as(scrubbed).isFalse();
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void removesTheKeyInEachShapeFromErrorText(String shape) {
    assertThat(leaks(REDACTOR.scrubMessage("{\"error\":\"bad key " + shape + "\"}"))).isFalse();
  }

  /** True when any 10 consecutive characters of the key's core survive, in any case. */
  static boolean leaks(String text) {
    String haystack = text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Cf}\\-_.]", "");
    String core = CORE.toLowerCase(Locale.ROOT).replaceAll("[\\-_.]", "");
    for (int i = 0; i + 10 <= core.length(); i++) {
      if (haystack.contains(core.substring(i, i + 10))) {
        return true;
      }
    }
    for (String encoded : List.of(base64(KEY), base64("Bearer " + KEY))) {
      if (text.contains(encoded.substring(4, 24))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void leavesContentWithoutTheKeyUntouched() {
    String answer = "I choose option C.\n\nBoth of us get  85 points — a fair split.";

    assertThat(REDACTOR.scrubContent(answer)).isSameAs(answer);
  }

  @Test
  void aPlaceholderKeyNeverMangleslModelContent() {
    KeyRedactor placeholder = KeyRedactor.of("none");

    assertThat(placeholder.scrubContent("I have none of them.")).isEqualTo("I have none of them.");
    assertThat(placeholder.scrubMessage("key none rejected")).isEqualTo("key [redacted] rejected");
  }

  @Test
  void keepsTheBase64RunsOfTheKeyAtEveryAlignment() {
    byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
    for (int prefix = 0; prefix < 6; prefix++) {
      String encoded = base64("p".repeat(prefix) + KEY + "suffix");
      String run = KeyRedactor.base64Run(key, prefix % 3, Base64.getEncoder().withoutPadding());
      assertThat(encoded).as("prefix of %d bytes", prefix).contains(run);
      assertThat(run.length()).isGreaterThan(key.length * 4 / 3 - 4);
    }
  }

  @Test
  void errorTextShowsEscapeSequencesAndBidiOverridesInsteadOfPassingThemToATerminal() {
    assertThat(REDACTOR.scrubMessage("{\"error\":\"\u001b[2J\u001b[31mdenied\u001b[0m \u202eyek\u202c\"}"))
        .isEqualTo("{\"error\":\"\\u001b[2J\\u001b[31mdenied\\u001b[0m \\u202eyek\\u202c\"}");
  }
}
