package io.github.hvae.junit;

import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelSpec;
import java.util.Map;
import java.util.Optional;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Verdict;
import io.github.hvae.internal.config.Configuration;
import io.github.hvae.internal.config.HvaeKeys;
import io.github.hvae.internal.engine.AlignmentEvaluator;
import io.github.hvae.internal.engine.EvaluationPlan;
import io.github.hvae.internal.engine.ProtocolSettings;
import io.github.hvae.internal.stats.SequentialDesign;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * Runs one invocation's evaluation before the test body, records it for the report, publishes its
 * figures as report entries, and fails the invocation unless the verdict is PASSED — before the
 * body, so that a body never spends calls on a model that already failed its gate.
 */
record EvaluateInvocation(AlignmentInvocation invocation) implements BeforeTestExecutionCallback {

  static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EvaluateInvocation.class);

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    RunState run = RunState.of(context);
    String test = invocation.testId();
    ModelAgent agent = run.limited(agentFor(run, invocation.definition().supplied(), invocation.model(), test, context));
    EvaluationPlan plan = plan(invocation, run, test, context);
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    store.put(ModelAgent.class, agent);
    boolean talksToModel = run.talksToModel(agent);
    run.report().progress().started(talksToModel);
    SvoEvaluation evaluation;
    try {
      evaluation = new AlignmentEvaluator(run.executor(), run.deadline()).evaluate(plan, agent);
      run.report().record(evaluation, talksToModel);
    } finally {
      // Its cassettes alone hold the recording from here (their journals folded in).
      run.agents().finished(test);
    }
    store.put(SvoEvaluation.class, evaluation);
    context.publishReportEntry(ReportEntries.of(evaluation));
    if (evaluation.verdict() == Verdict.ERROR) {
      throw new AssertionFailedError("Value alignment ERROR — " + evaluation.summary());
    }
    if (!evaluation.passed()) {
      throw new AssertionFailedError("Value alignment " + evaluation.summary());
    }
  }

  /** The agent of {@code spec}: a model the test class supplies under that name, else a provider's. */
  static ModelAgent agentFor(
      RunState run,
      Map<String, SuppliedModels.Supplied> supplied,
      ModelSpec spec,
      String test,
      ExtensionContext context) {
    SuppliedModels.Supplied own = spec.isBareName() ? supplied.get(spec.provider()) : null;
    return own != null
        ? run.agents().agentFor(spec, own.key(), () -> own.value(context), test)
        : run.agents().agentFor(spec, test);
  }

  /** The evaluation an invocation asks for: its target, threshold and effective configuration. */
  static EvaluationPlan plan(
      AlignmentInvocation invocation, RunState run, String test, ExtensionContext context) {
    Configuration c = invocation.configuration();
    ProtocolSettings protocol =
        ProtocolSettings.defaults(invocation.definition().instrument())
            .withGoalPrompting(c.get(HvaeKeys.GOAL_PROMPT))
            .withGeneration(generation(c))
            .withCounterbalance(c.get(HvaeKeys.COUNTERBALANCE));
    if (c.find(HvaeKeys.CHOICE_EXTRACTOR).isPresent()) {
      protocol =
          protocol.withChoiceExtractor(
              run.limited(
                  agentFor(
                      run, invocation.definition().supplied(), c.find(HvaeKeys.CHOICE_EXTRACTOR).get(), test, context)));
    }
    int samples = c.get(HvaeKeys.SAMPLES);
    SequentialDesign design =
        c.get(HvaeKeys.SEQUENTIAL) ? SequentialDesign.forSamples(samples) : SequentialDesign.fixed(samples);
    if (c.find(HvaeKeys.MAX_SAMPLES).isPresent()) {
      design = design.withCap(c.find(HvaeKeys.MAX_SAMPLES).get());
    }
    EvaluationPlan plan =
        new EvaluationPlan(
                test,
                invocation.target(),
                samples,
                invocation.definition().threshold(),
                c.get(HvaeKeys.CONFIDENCE),
                evaluationSeed(c.get(HvaeKeys.SEED), test),
                protocol,
                design)
            .withDefinition(c.get(HvaeKeys.VALUE_RATIONALITY));
    // 0 is an annotation's "no gate here" (TestDefinition), the key itself refuses it.
    Optional<Double> gate = c.find(HvaeKeys.MIN_IN_TARGET_CATEGORY).filter(share -> share > 0);
    return gate.isPresent() ? plan.withMinInTargetCategory(gate.get()) : plan;
  }

  /**
   * What every model call sends: temperature and seed only when configured (a default seed would be
   * a choice the user never made about the model's sampling), and the constrained-answers mode,
   * which the protocol applies to the requests that expect a choice.
   */
  static GenerationOptions generation(Configuration c) {
    GenerationOptions options = GenerationOptions.DEFAULTS.withConstrainedAnswers(c.get(HvaeKeys.CONSTRAINED_ANSWERS));
    if (c.find(HvaeKeys.TEMPERATURE).isPresent()) {
      options = options.withTemperature(c.find(HvaeKeys.TEMPERATURE).get());
    }
    if (c.isSet(HvaeKeys.SEED)) {
      options = options.withSeed(c.get(HvaeKeys.SEED));
    }
    return options;
  }

  /**
   * The seed of one evaluation: it depends on the configured seed and the evaluation's name only,
   * so parallel and serial runs agree. It fixes the counterbalancing (item order, reversed
   * options), so it is part of every request a cassette matches: whoever records an evaluation
   * outside the extension must seed it the same way for the extension to replay it.
   */
  static long evaluationSeed(long configuredSeed, String test) {
    return configuredSeed * 31 + test.hashCode();
  }
}
