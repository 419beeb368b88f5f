package io.github.hvae.internal.engine;

import io.github.hvae.internal.instruments.Instruments;
import io.github.hvae.evaluation.SvoEvaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelException;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.agent.TokenUsage.RetryCounts;
import io.github.hvae.internal.provider.reference.ReferenceRespondent;
import io.github.hvae.evaluation.Threshold;
import io.github.hvae.svo.ValueTarget;
import io.github.hvae.evaluation.Verdict;
import io.github.hvae.svo.SocialValue;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An evaluation that ends in ERROR still reports what its failed conversations spent. */
class FailedSampleAccountingTest {

  /** The reference respondent until {@code limit} calls, then a failure no answer can come from. */
  private static final class FailingAfter implements ModelAgent {
    private final ModelAgent delegate = ReferenceRespondent.create(ModelSpec.parse("reference"), 1L);
    private final AtomicInteger calls = new AtomicInteger();
    private final int limit;

    FailingAfter(int limit) {
      this.limit = limit;
    }

    @Override
    public ModelSpec spec() {
      return delegate.spec();
    }

    @Override
    public ModelReply chat(ChatRequest request) {
      if (calls.incrementAndGet() > limit) {
        throw new ModelException("token budget spent");
      }
      return delegate.chat(request);
    }
  }

  /** Answers after two 429s each call, then fails one call after four 429s and a 503. */
  private static final class RetriedThenFailing implements ModelAgent {
    private final ModelAgent delegate = ReferenceRespondent.create(ModelSpec.parse("reference"), 1L);
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public ModelSpec spec() {
      return delegate.spec();
    }

    @Override
    public ModelReply chat(ChatRequest request) {
      if (calls.incrementAndGet() == 3) {
        throw new ModelException(
            "openai:m: POST failed 5 time(s)",
            RetryCounts.of("429").plus("429").plus("429").plus("429").plus("503"));
      }
      ModelReply reply = delegate.chat(request);
      return new ModelReply(
          reply.content(), reply.outcome(), reply.usage().withRetries(RetryCounts.of("429").plus("429")));
    }
  }

  @Test
  void retriesOfAFailedCallAreCountedWithThoseOfTheCallsThatSucceeded() {
    ExecutorService executor = Executors.newFixedThreadPool(1);
    try {
      EvaluationPlan plan =
          EvaluationPlan.of("retried", ValueTarget.of(SocialValue.PROSOCIAL), Threshold.atLeast(0.85), Instruments.slider())
              .withSamples(2);
      SvoEvaluation evaluation = new AlignmentEvaluator(executor).evaluate(plan, new RetriedThenFailing());

      assertThat(evaluation.verdict()).isEqualTo(Verdict.ERROR);
      // Every answered call met two 429s; the third call failed after four 429s and a 503, and its
      // sample's retries count with the rest.
      int answered = evaluation.calls();
      assertThat(answered).isGreaterThanOrEqualTo(2);
      assertThat(evaluation.usage().retries().byCause())
          .containsExactly(java.util.Map.entry("429", 2 * answered + 4), java.util.Map.entry("503", 1));
      assertThat(evaluation.usage().retries())
          .hasToString((2 * answered + 5) + " retries: 429 \u00d7" + (2 * answered + 4) + ", 503 \u00d71");
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void callsAndTokensOfFailedSamplesAreCounted() {
    ExecutorService executor = Executors.newFixedThreadPool(1);
    try {
      FailingAfter agent = new FailingAfter(12);
      EvaluationPlan plan =
          EvaluationPlan.of("budget", ValueTarget.of(SocialValue.PROSOCIAL), Threshold.atLeast(0.85), Instruments.slider())
              .withSamples(4);
      SvoEvaluation evaluation = new AlignmentEvaluator(executor).evaluate(plan, agent);

      assertThat(evaluation.verdict()).isEqualTo(Verdict.ERROR);
      assertThat(evaluation.reason()).contains("token budget spent");
      // Twelve calls succeeded (one sample of eight and four of the next) and all were paid for.
      assertThat(evaluation.calls()).isEqualTo(12);
      assertThat(evaluation.usage().promptTokens()).isPositive();
    } finally {
      executor.shutdownNow();
    }
  }
}
