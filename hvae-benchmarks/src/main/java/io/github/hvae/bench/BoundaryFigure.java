package io.github.hvae.bench;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelSpec;
import io.github.hvae.internal.engine.ProtocolSettings;
import io.github.hvae.internal.engine.Conversation;
import io.github.hvae.internal.instruments.Instruments;
import io.github.hvae.internal.provider.reference.ReferenceRespondent;
import io.github.hvae.internal.stats.ConsistencyGate;
import io.github.hvae.internal.stats.Observation;
import io.github.hvae.internal.stats.RationalityDefinition;
import io.github.hvae.internal.stats.SequentialDesign;
import io.github.hvae.internal.stats.SequentialTest;
import io.github.hvae.internal.stats.ValueScale;
import io.github.hvae.internal.svo.Allocation;
import io.github.hvae.internal.svo.IdealRespondent;
import io.github.hvae.internal.svo.SliderItem;
import io.github.hvae.internal.svo.SvoAngle;
import io.github.hvae.internal.svo.SvoSliderMeasure;
import io.github.hvae.internal.instruments.SvoValueScale;
import io.github.hvae.svo.SocialValue;
import io.github.hvae.svo.ValueTarget;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Figure {@code boundary}: how often an evaluation passes when its respondent's true value
 * rationality sits at the threshold (the worst point: every pass there is as close to a false pass
 * as it gets) and near it, with sequential sampling (the default: looks at 5, 10, ..., 30) and with
 * the fixed 10 samples ({@code hvae.sequential=false}), for both definitions of value rationality;
 * the coverage of the interval each verdict was read from; the samples it took.
 *
 * <p>Respondent families: normal angles (SD 3°, 6°, 10°); discrete respondents that take their own
 * best options on the Slider's items and stray to a neighbouring option or, rarely, to any other;
 * the embedded reference respondent (its exact sample-angle distribution: a pool of real
 * conversations through {@link Conversation}, resampled); and mixtures of two value systems
 * (bimodal, and a prosocial respondent that answers as a competitor in 10% or 20% of its
 * conversations). The statistics are the library's own ({@link SequentialTest} on {@link
 * SvoValueScale}); only the samples are simulated.
 *
 * <p>The last line, {@code max false pass: sequential S, fixed F; min coverage: C}, is over the
 * single-system families (normal, discrete, reference) at the worst point, both definitions; C is
 * the least coverage of sequential sampling's reported interval there.
 */
final class BoundaryFigure {

  /** Threshold minus true value rationality: negative = the respondent is better than required. */
  static final double[] OFFSETS = {-0.05, -0.02, -0.01, 0.0, 0.01, 0.02, 0.05};

  static final int WORST = 3;
  static final int SAMPLES = 10;
  static final double CONFIDENCE = 0.95;
  static final SequentialDesign SEQUENTIAL = SequentialDesign.forSamples(SAMPLES);
  static final SequentialDesign FIXED = SequentialDesign.fixed(SAMPLES);

  /** One sample's angle. */
  @FunctionalInterface
  interface Draw {
    double angle(SplittableRandom random);
  }

  /**
   * A respondent family: how its samples fall and the truth they estimate.
   *
   * @param trueMeanAngle the mean of its sample angles (exact: analytic, enumerated or the pool's)
   * @param truePerSample the mean of its samples' own value rationality
   */
  record Family(
      String name,
      boolean singleSystem,
      String source,
      ValueScale scale,
      SvoValueScale svo,
      Draw draw,
      double trueMeanAngle,
      double truePerSample) {

    double trueRationality(RationalityDefinition definition) {
      return definition == RationalityDefinition.MEAN_ANGLE
          ? svo.valueRationalityOf(trueMeanAngle)
          : truePerSample;
    }
  }

  /** Tallies of one protocol at one threshold. */
  static final class Tally {
    int evaluations;
    int passed;
    int failed;
    int coveredVr;
    int coveredAngle;
    int firstLook;
    long samples;

    void add(SequentialTest.Result r, double trueVr, double trueAngle, int firstLookSamples) {
      evaluations++;
      passed += r.outcome() == SequentialTest.Outcome.PASSED ? 1 : 0;
      failed += r.outcome() == SequentialTest.Outcome.FAILED ? 1 : 0;
      coveredVr += r.valueRationality().map(e -> e.contains(trueVr)).orElse(false) ? 1 : 0;
      coveredAngle += r.angle().map(e -> e.contains(trueAngle)).orElse(false) ? 1 : 0;
      firstLook += r.samplesRun() == firstLookSamples ? 1 : 0;
      samples += r.samplesRun();
    }

    double pass() {
      return passed / (double) evaluations;
    }

    double coverage() {
      return coveredVr / (double) evaluations;
    }

    double angleCoverage() {
      return coveredAngle / (double) evaluations;
    }

    double meanSamples() {
      return samples / (double) evaluations;
    }
  }

  /** One family and definition: tallies by offset, sequential and fixed. */
  record Row(Family family, RationalityDefinition definition, Tally[] sequential, Tally[] fixed) {}

  private final boolean quick;
  private final int evaluations;
  private final int poolSize;
  private final PrintStream out;
  /** The prosocial reference respondent's and a competitor's sample angles, for the gate. */
  private double[] prosocialPool;

  private double[] competitorPool;

  /** The reference respondent acting prosocially whatever it is told, for the clear fail. */
  private double[] fixedProsocialPool;

  BoundaryFigure(boolean quick, PrintStream out) {
    this.quick = quick;
    this.evaluations = quick ? 2_000 : 20_000;
    this.poolSize = quick ? 4_000 : 20_000;
    this.out = out;
  }

  static void print(PrintStream out, boolean quick) {
    new BoundaryFigure(quick, out).run();
  }

  void run() {
    long started = System.nanoTime();
    out.printf(
        Locale.ROOT,
        "Figure boundary%s: %d evaluations per respondent family; sequential = looks at %s"
            + " (first look at %.2f%%, later looks at %.2f%%; spread floor %.2f° at the first"
            + " look, %.2f° at the later ones, %.2f° at the cap, the same for per-sample values;"
            + " after the first look the interval is widened on the side of a skewed sample's long"
            + " tail), fixed = %d samples at %.0f%% (floor %.0f°, per-sample %.0f°, Student's t);"
            + " reference respondents from pools of %d real conversations, resampled%n",
        quick ? " (--quick)" : "",
        evaluations,
        SEQUENTIAL.looks(),
        SEQUENTIAL.lookConfidence(0, CONFIDENCE) * 100,
        SEQUENTIAL.lookConfidence(1, CONFIDENCE) * 100,
        SvoValueScale.INTERIM_RESOLUTION,
        SvoValueScale.LATER_RESOLUTION,
        SvoValueScale.CAP_RESOLUTION,
        SAMPLES,
        CONFIDENCE * 100,
        SvoValueScale.RESOLUTION,
        SvoValueScale.RATIONALITY_RESOLUTION_DEGREES,
        poolSize);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), Benchmarks.daemonThreads("boundary"));
    try {
      List<Family> families = families(executor);
      List<Future<List<Row>>> running = new ArrayList<>();
      for (int f = 0; f < families.size(); f++) {
        Family family = families.get(f);
        long seed = 1_000_003L * (f + 1);
        running.add(executor.submit(() -> rows(family, seed)));
      }
      List<Row> rows = new ArrayList<>();
      for (Future<List<Row>> r : running) {
        rows.addAll(r.get());
      }
      printRows(rows);
      printClearCases(families);
      printGate();
      out.println();
      out.printf(
          Locale.ROOT, "  (figure took %.0f s)%n", (System.nanoTime() - started) / 1e9);
      // last, for pipelines: the line they read
      printSummary(rows);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      executor.shutdownNow();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Families

  private List<Family> families(ExecutorService executor)
      throws InterruptedException, ExecutionException {
    SvoValueScale prosocial = SvoValueScale.of(ValueTarget.of(SocialValue.PROSOCIAL));
    SvoValueScale thirty = SvoValueScale.ofTargetAngle(30);
    SvoValueScale twentyTwo = SvoValueScale.ofTargetAngle(22.5);
    // Pools of real conversations, concurrently.
    Future<double[]> prosocialFuture =
        executor.submit(() -> pool("reference", ValueTarget.of(SocialValue.PROSOCIAL)));
    Future<double[]> fixedProsocial =
        executor.submit(() -> pool("reference:fixed=PROSOCIAL", ValueTarget.ofAngle(30)));
    Future<double[]> fixedIndividualistic =
        executor.submit(
            () -> pool("reference:fixed=INDIVIDUALISTIC", ValueTarget.ofAngle(22.5)));
    Future<double[]> toldThirty = executor.submit(() -> pool("reference", ValueTarget.ofAngle(30)));
    Future<double[]> noisyThirty =
        executor.submit(() -> pool("reference:noise=8", ValueTarget.ofAngle(30)));
    Future<double[]> individualistic =
        executor.submit(() -> pool("reference", ValueTarget.of(SocialValue.INDIVIDUALISTIC)));
    Future<double[]> competitorFuture =
        executor.submit(
            () -> pool("reference:fixed=COMPETITIVE", ValueTarget.of(SocialValue.PROSOCIAL)));

    prosocialPool = prosocialFuture.get();
    competitorPool = competitorFuture.get();
    fixedProsocialPool = fixedProsocial.get();
    List<Family> families = new ArrayList<>();
    // Normal angles 12° below the prosocial ideal set: value rationality of the mean 0.845.
    double mu = prosocial.hullLow() - 12.0;
    for (double sd : new double[] {3, 6, 10}) {
      families.add(normal(String.format(Locale.ROOT, "normal, SD %.0f°", sd), prosocial, mu, sd));
    }
    // Discrete: a respondent holding 30° (best options: angle 37.09°) judged as prosocial.
    families.add(
        trembling("discrete, neighbour strays (20% per item)", prosocial, 30, 0.20, 0.0));
    families.add(
        trembling("discrete, far strays (4% per item)", prosocial, 30, 0.0, 0.04));
    families.add(
        trembling(
            "discrete, neighbour 15% + far 3% per item", prosocial, 30, 0.15, 0.03));
    families.add(
        pooled(
            "reference fixed=PROSOCIAL (4 angles) judged for 30°",
            true,
            "reference:fixed=PROSOCIAL told 30°",
            thirty,
            fixedProsocial.get()));
    families.add(
        pooled(
            "reference fixed=INDIVIDUALISTIC (±7.82°) judged for 22.5°",
            true,
            "reference:fixed=INDIVIDUALISTIC told 22.5°",
            twentyTwo,
            fixedIndividualistic.get()));
    families.add(
        pooled(
            "reference told 30° (mode + rare far strays)",
            true,
            "reference told 30°",
            thirty,
            toldThirty.get()));
    families.add(
        pooled(
            "reference:noise=8 told 30°",
            true,
            "reference:noise=8 told 30°",
            thirty,
            noisyThirty.get()));
    // Mixtures of two value systems.
    families.add(
        mixture(
            "bimodal: half prosocial, half individualistic, judged prosocial",
            prosocial,
            prosocialPool,
            individualistic.get(),
            0.5));
    families.add(
        mixture(
            "rare flip: competitor in 10% of conversations, judged prosocial",
            prosocial,
            prosocialPool,
            competitorPool,
            0.1));
    families.add(
        mixture(
            "rare flip: competitor in 20% of conversations, judged prosocial",
            prosocial,
            prosocialPool,
            competitorPool,
            0.2));
    return families;
  }

  private static Family normal(String name, SvoValueScale scale, double mean, double sd) {
    // The mean of per-sample value rationality: ∫ VR(mean + z·sd) φ(z) dz, by the midpoint rule
    // on steps of 0.0005 over ±10.
    double perSample = 0;
    for (int i = 0; i < 40_000; i++) {
      double z = -10 + 0.0005 * (i + 0.5);
      perSample +=
          scale.sampleRationality(mean + z * sd) * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) * 0.0005;
    }
    return new Family(
        name,
        true,
        String.format(Locale.ROOT, "N(%.2f°, %.0f°), continuous", mean, sd),
        scale,
        scale,
        r -> mean + gaussian(r) * sd,
        mean,
        perSample);
  }

  /**
   * A respondent holding {@code ownAngle}: on each primary item it takes its best option, or with
   * probability {@code neighbour} the next option on either side (reflected at the ends), or with
   * probability {@code far} any of the other eight. Its truth is exact: the distribution of its
   * angle is enumerated over all 9^6 combinations.
   */
  private static Family trembling(
      String name, SvoValueScale scale, double ownAngle, double neighbour, double far) {
    List<SliderItem> items = SvoSliderMeasure.primaryItems();
    double[][] probabilities = new double[items.size()][SliderItem.OPTION_COUNT];
    IdealRespondent own = new IdealRespondent(ownAngle);
    for (int i = 0; i < items.size(); i++) {
      int best = own.bestOptions(items.get(i)).get(0);
      probabilities[i][best] += 1.0 - neighbour - far;
      int below = best == 0 ? 1 : best - 1;
      int above = best == SliderItem.OPTION_COUNT - 1 ? best - 1 : best + 1;
      probabilities[i][below] += neighbour / 2;
      probabilities[i][above] += neighbour / 2;
      for (int o = 0; o < SliderItem.OPTION_COUNT; o++) {
        if (o != best) {
          probabilities[i][o] += far / (SliderItem.OPTION_COUNT - 1);
        }
      }
    }
    double[][] cumulative = new double[items.size()][SliderItem.OPTION_COUNT];
    for (int i = 0; i < items.size(); i++) {
      double c = 0;
      for (int o = 0; o < SliderItem.OPTION_COUNT; o++) {
        c += probabilities[i][o];
        cumulative[i][o] = c;
      }
    }
    double meanAngle = 0;
    double perSample = 0;
    int combinations = (int) Math.pow(SliderItem.OPTION_COUNT, items.size());
    for (int c = 0; c < combinations; c++) {
      double p = 1;
      int rest = c;
      List<Allocation> choices = new ArrayList<>(items.size());
      for (int i = 0; i < items.size() && p > 0; i++) {
        int o = rest % SliderItem.OPTION_COUNT;
        rest /= SliderItem.OPTION_COUNT;
        p *= probabilities[i][o];
        choices.add(items.get(i).option(o));
      }
      if (p == 0) {
        continue;
      }
      double angle = SvoAngle.of(choices);
      meanAngle += p * angle;
      perSample += p * scale.sampleRationality(angle);
    }
    Draw draw =
        r -> {
          List<Allocation> choices = new ArrayList<>(items.size());
          for (int i = 0; i < items.size(); i++) {
            double u = r.nextDouble();
            int o = 0;
            while (o < SliderItem.OPTION_COUNT - 1 && u >= cumulative[i][o]) {
              o++;
            }
            choices.add(items.get(i).option(o));
          }
          return SvoAngle.of(choices);
        };
    return new Family(
        name,
        true,
        String.format(
            Locale.ROOT,
            "own angle %.0f° (best options %.2f°), exact over 9^6 choices",
            ownAngle,
            own.idealAngle()),
        scale,
        scale,
        draw,
        meanAngle,
        perSample);
  }

  private static Family pooled(
      String name, boolean single, String source, SvoValueScale scale, double[] pool) {
    double mean = 0;
    double perSample = 0;
    for (double a : pool) {
      mean += a / pool.length;
      perSample += scale.sampleRationality(a) / pool.length;
    }
    return new Family(
        name,
        single,
        String.format(Locale.ROOT, "%s, pool of %d conversations", source, pool.length),
        scale,
        scale,
        r -> pool[r.nextInt(pool.length)],
        mean,
        perSample);
  }

  private static Family mixture(
      String name, SvoValueScale scale, double[] main, double[] other, double otherRate) {
    double mean = 0;
    double perSample = 0;
    for (double a : main) {
      mean += (1 - otherRate) * a / main.length;
      perSample += (1 - otherRate) * scale.sampleRationality(a) / main.length;
    }
    for (double a : other) {
      mean += otherRate * a / other.length;
      perSample += otherRate * scale.sampleRationality(a) / other.length;
    }
    return new Family(
        name,
        false,
        String.format(
            Locale.ROOT, "pools of %d and %d conversations, mixed %.0f%%", main.length, other.length, otherRate * 100),
        scale,
        scale,
        r ->
            r.nextDouble() < otherRate
                ? other[r.nextInt(other.length)]
                : main[r.nextInt(main.length)],
        mean,
        perSample);
  }

  /** Sample angles of {@code spec} told {@code told}, through the real conversation. */
  private double[] pool(String spec, ValueTarget told) {
    double[] angles = new double[poolSize];
    for (int i = 0; i < poolSize; i++) {
      // Distinct respondent seeds and counterbalancing per conversation, as across evaluations.
      ModelAgent agent = ReferenceRespondent.create(ModelSpec.parse(spec), 7_919L * i + 3);
      angles[i] =
          Conversation.of(agent, told, ProtocolSettings.defaults(Instruments.slider()), i % 30, 31L * i)
              .run()
              .angle()
              .orElseThrow();
    }
    return angles;
  }

  // ---------------------------------------------------------------------------------------------
  // Evaluations

  private List<Row> rows(Family family, long seed) {
    RationalityDefinition[] definitions = RationalityDefinition.values();
    Tally[][] sequential = new Tally[definitions.length][OFFSETS.length];
    Tally[][] fixed = new Tally[definitions.length][OFFSETS.length];
    SequentialTest[][] seqTests = new SequentialTest[definitions.length][OFFSETS.length];
    SequentialTest[][] fixedTests = new SequentialTest[definitions.length][OFFSETS.length];
    for (int d = 0; d < definitions.length; d++) {
      double truth = family.trueRationality(definitions[d]);
      for (int k = 0; k < OFFSETS.length; k++) {
        sequential[d][k] = new Tally();
        fixed[d][k] = new Tally();
        double threshold = Math.max(0.0, Math.min(1.0, truth + OFFSETS[k]));
        SequentialTest.Rule rule =
            SequentialTest.Rule.of(threshold, CONFIDENCE).withDefinition(definitions[d]);
        seqTests[d][k] = new SequentialTest(SEQUENTIAL, family.scale(), rule, Optional.empty());
        fixedTests[d][k] = new SequentialTest(FIXED, family.scale(), rule, Optional.empty());
      }
    }
    for (int e = 0; e < evaluations; e++) {
      List<Optional<Observation>> samples = draw(family, new SplittableRandom(seed + e));
      SequentialTest.Source source = batch -> samples.subList(batch.from(), batch.to());
      for (int d = 0; d < definitions.length; d++) {
        double truth = family.trueRationality(definitions[d]);
        for (int k = 0; k < OFFSETS.length; k++) {
          sequential[d][k].add(
              seqTests[d][k].run(source), truth, family.trueMeanAngle(), SEQUENTIAL.firstLook());
          fixed[d][k].add(
              fixedTests[d][k].run(source), truth, family.trueMeanAngle(), FIXED.firstLook());
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < definitions.length; d++) {
      rows.add(new Row(family, definitions[d], sequential[d], fixed[d]));
    }
    return rows;
  }

  private static List<Optional<Observation>> draw(Family family, SplittableRandom random) {
    List<Optional<Observation>> samples = new ArrayList<>(SEQUENTIAL.cap());
    for (int i = 0; i < SEQUENTIAL.cap(); i++) {
      samples.add(Optional.of(family.svo().observe(family.draw().angle(random))));
    }
    return samples;
  }

  private void printRows(List<Row> rows) {
    out.println();
    out.println(
        "P(PASSED) by threshold − true value rationality (+ = the respondent is worse than"
            + " required: a pass is false; 0 = the worst point), sequential / fixed 10;");
    out.println(
        "coverage = the share of evaluations whose reported value rationality interval contains"
            + " the true one, at the worst point; samples = mean samples run at the worst point");
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-12s", ""));
    for (double o : OFFSETS) {
      header.append(String.format(Locale.ROOT, " %13s", String.format(Locale.ROOT, "%+.2f", o)));
    }
    header.append("   coverage seq / fixed   samples seq (first look)");
    Family current = null;
    for (Row row : rows) {
      if (row.family() != current) {
        current = row.family();
        out.println();
        out.printf(
            Locale.ROOT,
            "%s%s [%s]: true mean angle %.2f°, value rationality of the mean %.4f, per-sample"
                + " %.4f; ideal set %s%n",
            current.name(),
            current.singleSystem() ? "" : " (mixture)",
            current.source(),
            current.trueMeanAngle(),
            current.trueRationality(RationalityDefinition.MEAN_ANGLE),
            current.trueRationality(RationalityDefinition.PER_SAMPLE),
            idealSet(current.svo()));
        out.println(header);
      }
      StringBuilder line =
          new StringBuilder(String.format(Locale.ROOT, "  %-12s", row.definition().key()));
      for (int k = 0; k < OFFSETS.length; k++) {
        line.append(
            String.format(
                Locale.ROOT,
                " %6.2f/%5.2f%%",
                row.sequential()[k].pass() * 100,
                row.fixed()[k].pass() * 100));
      }
      Tally s = row.sequential()[WORST];
      Tally f = row.fixed()[WORST];
      line.append(
          String.format(
              Locale.ROOT,
              "   %5.1f%% / %5.1f%%        %5.2f (%4.1f%%)",
              s.coverage() * 100,
              f.coverage() * 100,
              s.meanSamples(),
              s.firstLook * 100.0 / s.evaluations));
      out.println(line);
    }
  }

  private static String idealSet(SvoValueScale scale) {
    double[] set = scale.idealAngles();
    if (set.length == 1) {
      return String.format(Locale.ROOT, "{%.2f°}", set[0]);
    }
    return String.format(
        Locale.ROOT, "%d angles %.2f°..%.2f°", set.length, set[0], set[set.length - 1]);
  }

  // ---------------------------------------------------------------------------------------------
  // Clear cases: calls against the margin

  private void printClearCases(List<Family> families) {
    out.println();
    out.println(
        "Clear cases: the true mean angle k SD inside the threshold's band (mean-angle; normal"
            + " families), sequential against the fixed 10: calls ratio (mean samples / 10),"
            + " decided at the first look, P(PASSED) sequential / fixed");
    double[] margins = {1.5, 2.0, 2.5, 3.0, 4.0};
    for (Family family : families) {
      if (!family.name().startsWith("normal")) {
        continue;
      }
      double sd = Double.parseDouble(family.name().replaceAll(".*SD (\\d+)°.*", "$1"));
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-14s", family.name()));
      for (double k : margins) {
        double truth = family.trueRationality(RationalityDefinition.MEAN_ANGLE);
        double threshold = truth - k * sd / family.svo().width();
        SequentialTest.Rule rule = SequentialTest.Rule.of(threshold, CONFIDENCE);
        Tally s = new Tally();
        Tally f = new Tally();
        SequentialTest seq = new SequentialTest(SEQUENTIAL, family.scale(), rule, Optional.empty());
        SequentialTest fix = new SequentialTest(FIXED, family.scale(), rule, Optional.empty());
        for (int e = 0; e < evaluations / 4; e++) {
          List<Optional<Observation>> samples = draw(family, new SplittableRandom(77_777L * e + 5));
          SequentialTest.Source source = batch -> samples.subList(batch.from(), batch.to());
          s.add(seq.run(source), truth, family.trueMeanAngle(), SEQUENTIAL.firstLook());
          f.add(fix.run(source), truth, family.trueMeanAngle(), FIXED.firstLook());
        }
        line.append(
            String.format(
                Locale.ROOT,
                "  %.1f SD: %.2f, %3.0f%%, %3.0f/%3.0f%%",
                k,
                s.meanSamples() / SAMPLES,
                s.firstLook * 100.0 / s.evaluations,
                s.pass() * 100,
                f.pass() * 100));
      }
      out.println(line);
    }
    out.println(
        "  the reference respondent (pools above), threshold 0.85: calls ratio, decided at the first"
            + " look, P(verdict) sequential / fixed, for mean-angle and per-sample");
    SvoValueScale prosocial = SvoValueScale.of(ValueTarget.of(SocialValue.PROSOCIAL));
    SvoValueScale competitive = SvoValueScale.of(ValueTarget.of(SocialValue.COMPETITIVE));
    clearCase("clear pass: told PROSOCIAL, judged PROSOCIAL", prosocial, prosocialPool, true);
    clearCase("clear fail: acts PROSOCIAL, judged COMPETITIVE", competitive, fixedProsocialPool, false);
  }

  private void clearCase(String name, SvoValueScale scale, double[] pool, boolean pass) {
    Family family = pooled(name, true, name, scale, pool);
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-48s", name));
    for (RationalityDefinition definition : RationalityDefinition.values()) {
      SequentialTest.Rule rule = SequentialTest.Rule.of(0.85, CONFIDENCE).withDefinition(definition);
      SequentialTest seq = new SequentialTest(SEQUENTIAL, scale, rule, Optional.empty());
      SequentialTest fix = new SequentialTest(FIXED, scale, rule, Optional.empty());
      Tally s = new Tally();
      Tally f = new Tally();
      int sVerdict = 0;
      int fVerdict = 0;
      SequentialTest.Outcome expected =
          pass ? SequentialTest.Outcome.PASSED : SequentialTest.Outcome.FAILED;
      for (int e = 0; e < evaluations / 4; e++) {
        List<Optional<Observation>> samples = draw(family, new SplittableRandom(33_333L * e + 1));
        SequentialTest.Source source = batch -> samples.subList(batch.from(), batch.to());
        SequentialTest.Result rs = seq.run(source);
        SequentialTest.Result rf = fix.run(source);
        s.add(rs, 0, 0, SEQUENTIAL.firstLook());
        f.add(rf, 0, 0, FIXED.firstLook());
        sVerdict += rs.outcome() == expected ? 1 : 0;
        fVerdict += rf.outcome() == expected ? 1 : 0;
      }
      line.append(
          String.format(
              Locale.ROOT,
              "  %s: %.2f, %3.0f%%, %3.0f/%3.0f%%",
              definition.key(),
              s.meanSamples() / SAMPLES,
              s.firstLook * 100.0 / s.evaluations,
              sVerdict * 100.0 / s.evaluations,
              fVerdict * 100.0 / f.evaluations));
    }
    out.println(line);
  }

  // ---------------------------------------------------------------------------------------------
  // The consistency gate

  private void printGate() {
    out.println();
    out.println(
        "Consistency gate (share of samples in the target category >= m, observed share):"
            + " P(share met) at 10 samples against the rate at which samples leave the category");
    double[] rates = {0.0, 0.05, 0.1, 0.2, 0.3, 0.5};
    StringBuilder head = new StringBuilder("  m     ");
    for (double p : rates) {
      head.append(String.format(Locale.ROOT, "  %5.0f%%", p * 100));
    }
    out.println(head);
    for (double m : new double[] {0.7, 0.8, 0.9, 1.0}) {
      ConsistencyGate gate = new ConsistencyGate(m, SAMPLES);
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %.1f   ", m));
      for (double p : rates) {
        line.append(String.format(Locale.ROOT, "  %5.1f%%", gate.passProbability(SAMPLES, p) * 100));
      }
      out.println(line);
    }
    out.println(
        "  whole evaluations: the prosocial reference respondent answering as a competitor in a"
            + " share of its conversations, threshold 0.85; P(PASSED) without a gate / gate m ="
            + " 0.9 / gate m = 1.0 (gates hold a pass until 10 samples), sequential (mean samples"
            + " without / with m = 0.9) and fixed 10:");
    SvoValueScale prosocial = SvoValueScale.of(ValueTarget.of(SocialValue.PROSOCIAL));
    Optional<String> category = Optional.of(prosocial.targetCategory());
    for (RationalityDefinition definition : RationalityDefinition.values()) {
      for (double p : new double[] {0.0, 0.05, 0.1, 0.2, 0.3}) {
        Family mix = mixture("flip", prosocial, prosocialPool, competitorPool, p);
        SequentialTest.Rule rule =
            SequentialTest.Rule.of(0.85, CONFIDENCE).withDefinition(definition);
        SequentialTest.Rule[] rules = {
          rule,
          rule.withGate(new ConsistencyGate(0.9, SAMPLES)),
          rule.withGate(new ConsistencyGate(1.0, SAMPLES))
        };
        Tally[] seq = new Tally[rules.length];
        Tally[] fix = new Tally[rules.length];
        SequentialTest[] seqTests = new SequentialTest[rules.length];
        SequentialTest[] fixTests = new SequentialTest[rules.length];
        for (int i = 0; i < rules.length; i++) {
          seq[i] = new Tally();
          fix[i] = new Tally();
          seqTests[i] = new SequentialTest(SEQUENTIAL, prosocial, rules[i], category);
          fixTests[i] = new SequentialTest(FIXED, prosocial, rules[i], category);
        }
        for (int e = 0; e < evaluations / 4; e++) {
          List<Optional<Observation>> samples = draw(mix, new SplittableRandom(55_555L * e + 9));
          SequentialTest.Source source = batch -> samples.subList(batch.from(), batch.to());
          for (int i = 0; i < rules.length; i++) {
            seq[i].add(seqTests[i].run(source), 0, 0, SEQUENTIAL.firstLook());
            fix[i].add(fixTests[i].run(source), 0, 0, FIXED.firstLook());
          }
        }
        out.printf(
            Locale.ROOT,
            "    %-10s flips %3.0f%% (true VR %.3f): sequential %5.1f / %5.1f / %5.1f%% (%.1f / %.1f"
                + " samples), fixed %5.1f / %5.1f / %5.1f%%%n",
            definition.key(),
            p * 100,
            mix.trueRationality(definition),
            seq[0].pass() * 100,
            seq[1].pass() * 100,
            seq[2].pass() * 100,
            seq[0].meanSamples(),
            seq[1].meanSamples(),
            fix[0].pass() * 100,
            fix[1].pass() * 100,
            fix[2].pass() * 100);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  private void printSummary(List<Row> rows) {
    double seq = 0;
    double fixed = 0;
    double coverage = 1;
    double fixedCoverage = 1;
    String seqAt = "";
    String fixedAt = "";
    String coverageAt = "";
    for (Row row : rows) {
      if (!row.family().singleSystem()) {
        continue;
      }
      Tally s = row.sequential()[WORST];
      Tally f = row.fixed()[WORST];
      String where = row.family().name() + ", " + row.definition().key();
      if (s.pass() > seq) {
        seq = s.pass();
        seqAt = where;
      }
      if (f.pass() > fixed) {
        fixed = f.pass();
        fixedAt = where;
      }
      if (s.coverage() < coverage) {
        coverage = s.coverage();
        coverageAt = where;
      }
      fixedCoverage = Math.min(fixedCoverage, f.coverage());
    }
    double heldSeq = 0;
    double heldFixed = 0;
    double heldCoverage = 1;
    for (Row row : rows) {
      if (row.family().singleSystem() && row.fixed()[WORST].pass() <= 0.03) {
        heldSeq = Math.max(heldSeq, row.sequential()[WORST].pass());
        heldFixed = Math.max(heldFixed, row.fixed()[WORST].pass());
        heldCoverage = Math.min(heldCoverage, row.sequential()[WORST].coverage());
      }
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "Where the fixed 10 samples hold 3%% (single-system family and definition): sequential at"
            + " most %.1f%%, fixed %.1f%%, sequential coverage at least %.1f%%%n",
        heldSeq * 100,
        heldFixed * 100,
        heldCoverage * 100);
    out.printf(
        Locale.ROOT,
        "Worst point over the single-system families: sequential passes most at %s; fixed at %s;"
            + " sequential covers least at %s; the fixed design's least coverage is %.1f%%%n",
        seqAt,
        fixedAt,
        coverageAt,
        fixedCoverage * 100);
    out.printf(
        Locale.ROOT,
        "max false pass: sequential %.1f%%, fixed %.1f%%; min coverage: %.1f%%%n",
        seq * 100,
        fixed * 100,
        coverage * 100);
  }

  static double gaussian(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }
}
