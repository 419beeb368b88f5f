package io.github.hvae.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a terminal or a viewer would obey in text from outside is shown instead. */
class VisibleTextTest {

  @Test
  void anAnsiEscapeSequenceIsShownAsTextAndDoesNothing() {
    assertThat(VisibleText.of("\u001b[2J\u001b[31mPASSED\u001b[0m")).isEqualTo("\\u001b[2J\\u001b[31mPASSED\\u001b[0m");
    // The one-character CSI of the C1 set, and DEL.
    assertThat(VisibleText.of("a\u009b31mb\u007f")).isEqualTo("a\\u009b31mb\\u007f");
  }

  @Test
  void bidirectionalOverridesAndIsolatesAreShownAsEscapes() {
    String trojan = "PASSED \u202eDELIAF\u202c \u2066x\u2069 \u202a\u202b\u202d\u2067\u2068";

    assertThat(VisibleText.of(trojan))
        .isEqualTo("PASSED \\u202eDELIAF\\u202c \\u2066x\\u2069 \\u202a\\u202b\\u202d\\u2067\\u2068");
  }

  @Test
  void aLoneCarriageReturnWhichWouldOverwriteALineIsShownLineEndsAndTabsStay() {
    assertThat(VisibleText.of("FAILED\rPASSED")).isEqualTo("FAILED\\u000dPASSED");
    assertThat(VisibleText.of("one\r\ntwo\n\tthree")).isEqualTo("one\ntwo\n\tthree");
  }

  @Test
  void anUnpairedSurrogateBecomesTheReplacementCharacterAndPairsStay() {
    assertThat(VisibleText.of("a\ud800b\udc00c")).isEqualTo("a\uFFFDb\uFFFDc");
    assertThat(VisibleText.of("smile \ud83d\ude00, arabic \u0645\u0631\u062d\u0628\u0627, é")).isEqualTo("smile \ud83d\ude00, arabic \u0645\u0631\u062d\u0628\u0627, é");
  }

  @Test
  void ordinaryTextIsReturnedAsItIs() {
    String text = "PASSED com.acme.T#m[PROSOCIAL · openai:gpt-4o-mini]: angle 44.21° — fine\n";

    assertThat(VisibleText.of(text)).isSameAs(text);
  }
}
