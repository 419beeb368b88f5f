package io.github.hvae.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The AIMD controller alone, on a fake clock: grow, cut, ceiling, floor, Retry-After, headers. */
class AdaptiveConcurrencyTest {

  private final FakeTime time = new FakeTime();

  private static void succeed(AdaptiveConcurrency level, int times) {
    for (int i = 0; i < times; i++) {
      level.succeeded(true);
    }
  }

  private void refuse(AdaptiveConcurrency level) {
    level.rateLimited(level.epoch(), Optional.empty(), time.instant());
  }

  @Test
  void startsModestAndDoublesEachRoundWhileTheLevelIsInUse() {
    AdaptiveConcurrency level = new AdaptiveConcurrency(64, true, 4);
    assertThat(level.permits()).isEqualTo(4);

    succeed(level, 4);
    assertThat(level.permits()).isEqualTo(8);
    succeed(level, 8);
    assertThat(level.permits()).isEqualTo(16);
  }

  @Test
  void doesNotGrowWhileTheLevelIsNotInUse() {
    AdaptiveConcurrency level = new AdaptiveConcurrency(64, true, 4);

    for (int i = 0; i < 100; i++) {
      level.succeeded(false);
    }

    assertThat(level.permits()).isEqualTo(4);
  }

  @Test
  void neverGrowsAboveTheCeiling() {
    AdaptiveConcurrency level = new AdaptiveConcurrency(10, true, 4);

    succeed(level, 1000);

    assertThat(level.permits()).isEqualTo(10);
    assertThat(new AdaptiveConcurrency(3, true, 4).permits()).as("nor starts above it").isEqualTo(3);
  }

  @Test
  void aRateLimitCutsATenthOncePerRound() {
    AdaptiveConcurrency level = new AdaptiveConcurrency(64, true, 4);
    succeed(level, 6); // 10
    long round = level.epoch();

    level.rateLimited(round, Optional.empty(), time.instant());
    assertThat(level.permits()).isEqualTo(9);

    level.rateLimited(round, Optional.empty(), time.instant());
    level.rateLimited(round, Optional.empty(), time.instant());
    assertThat(level.permits()).as("refusals of requests sent before the cut").isEqualTo(9);
    assertThat(level.levels().rateLimited()).isEqualTo(3);
    assertThat(level.levels().cuts()).isEqualTo(1);

    refuse(level);
    assertThat(level.permits()).as("a refusal in the new round cuts again").isEqualTo(8);
    assertThat(level.levels().lowest()).isEqualTo(8);
    assertThat(level.levels().highest()).isEqualTo(10);
  }

  @Test
  void afterACutGrowsByOneOnlyAfterManySuccessesSoProbingAboveCapacityCostsFewRefusals() {
    AdaptiveConcurrency level = new AdaptiveConcurrency(64, true, 4);
    succeed(level, 5); // 9: one above a capacity of 8
    refuse(level);
    assertThat(level.permits()).isEqualTo(8);

    int successes = 0;
    while (level.permits() == 8) {
      level.succeeded(true);
      successes++;
    }

    assertThat(level.permits()).isEqualTo(9);
    assertThat(successes).as("one probe above 8 per this many successes").isGreaterThanOrEqualTo(30);
  }

  @Test
  void neverCutsBelowOne() {
    AdaptiveConcurrency level = new AdaptiveConcurrency(64, true, 4);

    for (int i = 0; i < 50; i++) {
      refuse(level);
    }

    assertThat(level.permits()).isEqualTo(1);
    assertThat(level.levels().lowest()).isEqualTo(1);
  }

  @Test
  void holdsNewRequestsUntilRetryAfterWhenAWholeLevelWasRefusedWithoutASuccess() {
    AdaptiveConcurrency level = new AdaptiveConcurrency(8, true, 4);
    Instant now = time.instant();

    level.rateLimited(level.epoch(), Optional.of(Duration.ofSeconds(20)), now);
    level.rateLimited(level.epoch(), Optional.of(Duration.ofSeconds(20)), now);
    assertThat(level.holdUntil()).as("two refused of a level of 3").isEqualTo(Instant.MIN);

    level.rateLimited(level.epoch(), Optional.of(Duration.ofSeconds(20)), now);

    assertThat(level.permits()).isEqualTo(2);
    assertThat(level.holdUntil()).isEqualTo(now.plusSeconds(20));
  }

  @Test
  void aRefusalAmongAnsweredRequestsDoesNotHoldTheOthers() {
    AdaptiveConcurrency level = new AdaptiveConcurrency(8, true, 4);
    level.succeeded(true);

    level.rateLimited(level.epoch(), Optional.of(Duration.ofSeconds(1)), time.instant());
    level.succeeded(true);
    level.rateLimited(level.epoch(), Optional.of(Duration.ofSeconds(1)), time.instant());

    assertThat(level.holdUntil()).isEqualTo(Instant.MIN);
    assertThat(level.permits()).as("but still cuts").isEqualTo(4);
  }

  @Test
  void holdsUntilTheResetOfAQuotaTheHeadersReportExhausted() {
    AdaptiveConcurrency level = new AdaptiveConcurrency(8, true, 4);
    Instant now = time.instant();

    level.headers(
        RateLimitHeaders.read(
            Map.of("x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "1m3.5s")::get, now),
        now);
    assertThat(level.holdUntil()).isEqualTo(now.plusMillis(63_500));

    level.headers(
        RateLimitHeaders.read(
            Map.of(
                    "anthropic-ratelimit-input-tokens-remaining", "0",
                    "anthropic-ratelimit-input-tokens-reset", now.plusSeconds(90).toString())
                ::get,
            now),
        now);
    assertThat(level.holdUntil()).isEqualTo(now.plusSeconds(90));

    level.headers(
        RateLimitHeaders.read(
            Map.of("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "6h0m0s")::get, now),
        now);
    assertThat(level.holdUntil()).as("capped").isEqualTo(now.plus(AdaptiveConcurrency.MAX_HOLD));
  }

  @Test
  void doesNotGrowPastTheRequestsTheServerSaysRemain() {
    AdaptiveConcurrency level = new AdaptiveConcurrency(64, true, 4);
    level.headers(RateLimitHeaders.read(Map.of("anthropic-ratelimit-requests-remaining", "5")::get, time.instant()), time.instant());

    succeed(level, 100);

    assertThat(level.permits()).isEqualTo(5);
  }

  @Test
  void aFixedLevelStaysAtTheCeilingAndStillCountsRateLimits() {
    AdaptiveConcurrency level = new AdaptiveConcurrency(16, false, 4);
    assertThat(level.permits()).isEqualTo(16);

    refuse(level);
    succeed(level, 10);

    assertThat(level.permits()).isEqualTo(16);
    assertThat(level.levels().rateLimited()).isEqualTo(1);
    assertThat(level.levels().cuts()).isZero();
  }

  @Test
  void readsGoDurationsAsOpenAiSendsThem() {
    assertThat(RateLimitHeaders.goDuration("1s")).contains(Duration.ofSeconds(1));
    assertThat(RateLimitHeaders.goDuration("6m0s")).contains(Duration.ofMinutes(6));
    assertThat(RateLimitHeaders.goDuration("20ms")).contains(Duration.ofMillis(20));
    assertThat(RateLimitHeaders.goDuration("1h2m3.5s")).contains(Duration.ofMillis(3_723_500));
    assertThat(RateLimitHeaders.goDuration("soon")).isEmpty();
    assertThat(RateLimitHeaders.goDuration("")).isEmpty();
  }
}
