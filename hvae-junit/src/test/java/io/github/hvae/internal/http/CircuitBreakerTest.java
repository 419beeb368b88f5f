package io.github.hvae.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.internal.http.CircuitBreaker.Admission;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  private final CircuitBreaker breaker = new CircuitBreaker(Duration.ofSeconds(30));

  @Test
  void aCycleThatFailedWhileOtherCallsWereAnsweredDoesNotOpenIt() {
    breaker.answered(T0.plusSeconds(10));

    assertThat(breaker.cycleFailed("timeout", T0, T0.plusSeconds(30))).isFalse();
    assertThat(breaker.admit(T0.plusSeconds(31))).isEqualTo(Admission.CLOSED);
  }

  @Test
  void aCycleWithNoAnswerSinceItBeganOpensItUntilTheCoolDownThenLetsOneProbeThrough() {
    breaker.answered(T0.minusSeconds(1));

    assertThat(breaker.cycleFailed("timeout", T0, T0.plusSeconds(30))).isTrue();
    assertThat(breaker.admit(T0.plusSeconds(59))).isEqualTo(Admission.OPEN);
    assertThat(breaker.admit(T0.plusSeconds(60))).isEqualTo(Admission.PROBE);
    assertThat(breaker.admit(T0.plusSeconds(60))).as("one probe at a time").isEqualTo(Admission.OPEN);
    assertThat(breaker.openReason()).get().extracting(CircuitBreaker.Open::reason).isEqualTo("timeout");
    assertThat(breaker.openings()).isEqualTo(1);
  }

  @Test
  void anAbandonedProbeLetsTheNextCallProbe() {
    breaker.cycleFailed("timeout", T0, T0);
    assertThat(breaker.admit(T0.plusSeconds(30))).isEqualTo(Admission.PROBE);

    breaker.probeAbandoned();

    assertThat(breaker.admit(T0.plusSeconds(30))).isEqualTo(Admission.PROBE);
  }
}
