package io.github.hvae.toy;

import static io.github.hvae.svo.SocialValue.COMPETITIVE;
import static io.github.hvae.svo.SocialValue.PROSOCIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelReply;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.junit.HvaeModel;
import io.github.hvae.junit.ModelUnderTest;
import io.github.hvae.junit.TargetValue;
import io.github.hvae.junit.ValueAlignmentTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code @HvaeModel}: the team's own model under test, every path and every misconfiguration. */
class HvaeModelTest {

  static final List<Object> SEEN = new CopyOnWriteArrayList<>();

  @TempDir Path dir;

  @BeforeEach
  void clear() {
    SEEN.clear();
  }

  static class OnAField {
    @HvaeModel("support-bot")
    static IdealModel bot = new IdealModel();

    @ValueAlignmentTest(models = "support-bot", samples = 6)
    @TargetValue({PROSOCIAL, COMPETITIVE})
    void followsTheTarget(SvoEvaluation evaluation, ModelAgent agent) {
      SEEN.add(evaluation);
      SEEN.add(agent);
    }
  }

  static class OnAMethod {
    static final IdealModel BOT = new IdealModel();

    @HvaeModel("method-bot")
    static ModelAgent bot() {
      return BOT;
    }

    @ValueAlignmentTest(samples = 4)
    @TargetValue(PROSOCIAL)
    void followsTheTarget(SvoEvaluation evaluation) {
      SEEN.add(evaluation);
    }
  }

  /** Resolves a method's {@code IdealModel} parameter, as SpringExtension resolves a bean. */
  static class ModelResolver implements ParameterResolver {
    static final IdealModel RESOLVED = new IdealModel();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == IdealModel.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return RESOLVED;
    }
  }

  @ExtendWith(ModelResolver.class)
  static class OnAMethodWithParameters {
    @HvaeModel("resolved-bot")
    static ModelAgent bot(IdealModel resolved) {
      return resolved;
    }

    @ValueAlignmentTest(models = "resolved-bot", samples = 4)
    @TargetValue(PROSOCIAL)
    void followsTheTarget(SvoEvaluation evaluation) {
      SEEN.add(evaluation);
    }
  }

  abstract static class Base {
    @HvaeModel("inherited-bot")
    static IdealModel bot = new IdealModel();
  }

  static class Inherits extends Base {
    @ValueAlignmentTest(models = "inherited-bot", samples = 4)
    @TargetValue(PROSOCIAL)
    void followsTheTarget(SvoEvaluation evaluation) {
      SEEN.add(evaluation);
    }
  }

  static class Scenario {
    @HvaeModel("scenario-bot")
    static IdealModel bot = new IdealModel();

    @ModelUnderTest
    @Test
    void asksTheModel(ModelAgent model) {
      SEEN.add(model);
      ModelReply reply = model.chat(ChatRequest.of(List.of(ChatMessage.user("Hello"))));
      assertThat(reply.content()).isEqualTo("Understood.");
    }
  }

  static class Throws {
    @HvaeModel("broken-bot")
    static ModelAgent bot =
        new ModelAgent() {
          @Override
          public ModelSpec spec() {
            return new ModelSpec("broken", "");
          }

          @Override
          public ModelReply chat(ChatRequest request) {
            throw new IllegalStateException("the retrieval index is down");
          }
        };

    @ValueAlignmentTest(models = "broken-bot", samples = 3)
    @TargetValue(PROSOCIAL)
    void followsTheTarget() {}
  }

  static class UnknownType {
    @HvaeModel("text-bot")
    static String bot = "not a model";

    @ValueAlignmentTest(models = "text-bot")
    @TargetValue(PROSOCIAL)
    void followsTheTarget() {}
  }

  static class NotStatic {
    @HvaeModel("instance-bot")
    IdealModel bot = new IdealModel();

    @ValueAlignmentTest(models = "instance-bot")
    @TargetValue(PROSOCIAL)
    void followsTheTarget() {}
  }

  static class DuplicateName {
    @HvaeModel("twin")
    static IdealModel one = new IdealModel();

    @HvaeModel("twin")
    static IdealModel two = new IdealModel();

    @ValueAlignmentTest(models = "twin")
    @TargetValue(PROSOCIAL)
    void followsTheTarget() {}
  }

  static class NobodySupplies {
    @HvaeModel("support-bot")
    static IdealModel bot = new IdealModel();

    @ValueAlignmentTest(models = "sales-bot")
    @TargetValue(PROSOCIAL)
    void followsTheTarget() {}
  }

  private EngineExecutionResults run(Class<?> fixture, String... keyValues) {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("hvae.report-dir", dir.resolve("report").toString());
    parameters.put("hvae.baseline", dir.resolve("none.json").toString());
    parameters.put("hvae.cassette-dir", dir.resolve("cassettes").toString());
    for (int i = 0; i < keyValues.length; i += 2) {
      parameters.put(keyValues[i], keyValues[i + 1]);
    }
    return EngineTestKit.engine("junit-jupiter").configurationParameters(parameters).selectors(selectClass(fixture)).execute();
  }

  private static void failsAtDiscovery(EngineExecutionResults results, Predicate<String> message) {
    results.testEvents().assertStatistics(s -> s.started(0));
    results
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1, event(container(), finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(message))));
  }

  @Test
  void aStaticFieldSuppliesTheModelUnderItsName() throws Exception {
    OnAField.bot = new IdealModel();
    run(OnAField.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

    SvoEvaluation evaluation = (SvoEvaluation) SEEN.get(0);
    assertThat(evaluation.model()).isEqualTo(new ModelSpec("support-bot", ""));
    assertThat(evaluation.simulated()).isFalse();
    assertThat(((ModelAgent) SEEN.get(1)).spec()).isEqualTo(new ModelSpec("support-bot", ""));
    assertThat(OnAField.bot.calls.get()).isPositive();
    assertThat(Files.readString(dir.resolve("report/hvae-report.json"))).contains("\"model\" : \"support-bot\"");
  }

  @Test
  void aStaticMethodSuppliesTheModelThatHvaeModelNames() {
    run(OnAMethod.class, "hvae.model", "method-bot").testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    assertThat(OnAMethod.BOT.calls.get()).isPositive();
  }

  @Test
  void aMethodsParametersComeFromTheTestsParameterResolvers() {
    int before = ModelResolver.RESOLVED.calls.get();
    run(OnAMethodWithParameters.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    assertThat(ModelResolver.RESOLVED.calls.get()).isGreaterThan(before);
  }

  @Test
  void aSuperclassFieldSuppliesTheModel() {
    run(Inherits.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void modelUnderTestInjectsASuppliedModel() {
    run(Scenario.class, "hvae.model", "scenario-bot").testEvents().assertStatistics(s -> s.succeeded(1));
    assertThat(((ModelAgent) SEEN.get(0)).spec()).isEqualTo(new ModelSpec("scenario-bot", ""));
  }

  @Test
  void aSuppliedModelRecordsAndReplaysLikeAnyOther() {
    OnAField.bot = new IdealModel();
    run(OnAField.class, "hvae.cassette", "record").testEvents().assertStatistics(s -> s.succeeded(2));
    int recorded = OnAField.bot.calls.get();
    SvoEvaluation recordedEvaluation = (SvoEvaluation) SEEN.get(0);
    SEEN.clear();

    OnAField.bot = new IdealModel();
    run(OnAField.class, "hvae.cassette", "replay").testEvents().assertStatistics(s -> s.succeeded(2));

    assertThat(recorded).isPositive();
    assertThat(OnAField.bot.calls.get()).as("calls to the model in strict replay").isZero();
    SvoEvaluation replayed = (SvoEvaluation) SEEN.get(0);
    assertThat(replayed.angle()).isEqualTo(recordedEvaluation.angle());
    assertThat(replayed.calls()).isEqualTo(recordedEvaluation.calls());
  }

  @Test
  void theRunsConcurrencyLimitHoldsASuppliedModel() {
    OnAField.bot = new IdealModel();
    run(OnAField.class, "hvae.concurrency", "1").testEvents().assertStatistics(s -> s.succeeded(2));
    assertThat(OnAField.bot.mostInFlight.get()).isEqualTo(1);

    OnAField.bot = new IdealModel();
    run(OnAField.class, "hvae.concurrency", "4").testEvents().assertStatistics(s -> s.succeeded(2));
    assertThat(OnAField.bot.mostInFlight.get()).as("samples run concurrently up to the limit").isBetween(2, 4);
  }

  /** Holds each call until six are in flight, or ten seconds pass: shows how many may be. */
  static final class GatheringModel implements ModelAgent {
    final IdealModel ideal = new IdealModel();
    final java.util.concurrent.CountDownLatch six = new java.util.concurrent.CountDownLatch(6);

    @Override
    public ModelSpec spec() {
      return ideal.spec();
    }

    @Override
    public ModelReply chat(ChatRequest request) {
      six.countDown();
      try {
        six.await(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ideal.chat(request);
    }
  }

  static class SixSamplesAtOnce {
    @HvaeModel("gathering-bot")
    static GatheringModel bot = new GatheringModel();

    @ValueAlignmentTest(models = "gathering-bot", samples = 6)
    @TargetValue(PROSOCIAL)
    void followsTheTarget() {}
  }

  @Test
  void aSuppliedModelRunsAsManyCallsAsTheCeilingAllowsNotAnAdaptiveStart() {
    // An in-process model never answers 429: an adaptive level would stay at its start of 4.
    SixSamplesAtOnce.bot = new GatheringModel();
    run(SixSamplesAtOnce.class, "hvae.concurrency", "16", "hvae.sequential", "false")
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
    assertThat(SixSamplesAtOnce.bot.ideal.mostInFlight.get()).isEqualTo(6);
  }

  @Test
  void theTokenBudgetCountsASuppliedModel() {
    OnAField.bot = new IdealModel();
    run(OnAField.class, "hvae.max-tokens-budget", "1000")
        .testEvents()
        .assertThatEvents()
        .haveAtLeast(1, event(finishedWithFailure(message(m -> m.contains("token budget spent")))));
  }

  @Test
  void aModelThatThrowsIsAnErrorThatNamesIt() {
    run(Throws.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    message(
                        m -> m.startsWith("Value alignment ERROR")
                            && m.contains("the model broken-bot failed: java.lang.IllegalStateException: the retrieval index is down")))));
  }

  @Test
  void aTypeNoProviderAdaptsFailsAtDiscoveryNamingTheField() {
    failsAtDiscovery(
        run(UnknownType.class),
        m -> m.contains("@HvaeModel(\"text-bot\") field UnknownType.bot is a java.lang.String, which no installed provider adapts")
            && m.contains("io.github.hvae:hvae-langchain4j"));
  }

  @Test
  void anInstanceFieldFailsAtDiscovery() {
    failsAtDiscovery(run(NotStatic.class), m -> m.contains("field NotStatic.bot is not static"));
  }

  @Test
  void aDuplicateNameFailsAtDiscovery() {
    failsAtDiscovery(
        run(DuplicateName.class),
        m -> m.contains("@HvaeModel(\"twin\") names both field DuplicateName.one and field DuplicateName.two"));
  }

  @Test
  void aNameNobodySuppliesFailsAtDiscoveryListingTheNamesThatExist() {
    failsAtDiscovery(
        run(NobodySupplies.class),
        m -> m.contains("'sales-bot' names no model: NobodySupplies supplies support-bot with @HvaeModel")
            && m.contains("add @HvaeModel(\"sales-bot\")"));
  }
}
