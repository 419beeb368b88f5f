package io.github.hvae.internal.run;

import io.github.hvae.agent.ModelSpec;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Verdict;
import io.github.hvae.internal.config.Configuration;
import io.github.hvae.internal.config.HvaeKeys;
import io.github.hvae.internal.provider.Environment;
import io.github.hvae.internal.report.GitHubStepSummary;
import io.github.hvae.internal.report.ReportFiles;
import io.github.hvae.internal.report.TestJvm;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * What a run leaves on GitHub Actions, read from the variables the runner sets: the Markdown
 * summary on the job's page where {@code GITHUB_STEP_SUMMARY} names the step's summary file ({@link
 * GitHubStepSummary}, once per report however many forks write it), and, where {@code
 * GITHUB_ACTIONS=true}, an {@code ::error} workflow command for each evaluation of this JVM that
 * failed its test — FAILED, ERROR, or below the baseline — naming the test, and its source file
 * when it is found below {@code GITHUB_WORKSPACE}. Each JVM annotates its own evaluations, so forks
 * never annotate one twice. {@code hvae.github-summary=false} and {@code
 * hvae.github-annotations=false} turn them off. Nothing here may fail a run: a summary that cannot
 * be written is a warning.
 */
public final class GitHubActions {

  static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";
  static final String ACTIONS = "GITHUB_ACTIONS";
  static final String WORKSPACE = "GITHUB_WORKSPACE";

  /** Longer messages are cut: the figures and the reason come first, and the report has the rest. */
  static final int MAX_MESSAGE = 4000;

  private GitHubActions() {}

  /**
   * Called once at the end of a run, after its report files are written.
   *
   * @param done this JVM's evaluations of the run
   * @param regression the baseline regression message of a test on a model, if it regressed
   */
  public static void publish(
      Configuration configuration,
      Environment environment,
      TestJvm jvm,
      Instant startedAt,
      List<SvoEvaluation> done,
      BiFunction<String, ModelSpec, Optional<String>> regression,
      ReportFiles files,
      PrintStream console) {
    if (configuration.get(HvaeKeys.GITHUB_ANNOTATIONS)
        && environment.variable(ACTIONS).filter("true"::equalsIgnoreCase).isPresent()) {
      Optional<Path> workspace = environment.variable(WORKSPACE).flatMap(GitHubActions::path);
      for (String line : annotations(done, regression, workspace, Path.of("").toAbsolutePath())) {
        console.println(line);
      }
    }
    Optional<Path> summary = environment.variable(STEP_SUMMARY).flatMap(GitHubActions::path);
    if (configuration.get(HvaeKeys.GITHUB_SUMMARY) && summary.isPresent()) {
      try {
        GitHubStepSummary.write(summary.get(), files, jvm.build(), startedAt);
      } catch (IOException | RuntimeException e) {
        System.err.println(
            "HVAE: could not write the summary to " + STEP_SUMMARY + " (" + summary.get() + "): " + e
                + "; the report files are complete (" + HvaeKeys.GITHUB_SUMMARY.name() + "=false stops trying)");
      }
    }
  }

  /**
   * One {@code ::error} command per evaluation that failed its test, in the order given.
   *
   * @param moduleDir the test JVM's working directory, where Maven and Gradle run a module's tests
   */
  static List<String> annotations(
      List<SvoEvaluation> done,
      BiFunction<String, ModelSpec, Optional<String>> regression,
      Optional<Path> workspace,
      Path moduleDir) {
    List<String> lines = new ArrayList<>();
    for (SvoEvaluation e : done) {
      Optional<String> message;
      String what;
      if (e.verdict() == Verdict.FAILED || e.verdict() == Verdict.ERROR) {
        what = e.verdict().name();
        message = Optional.of(e.summary());
      } else if (e.verdict() == Verdict.PASSED) {
        what = "below baseline";
        message = regression.apply(e.test(), e.model());
      } else {
        continue;
      }
      if (message.isEmpty()) {
        continue;
      }
      StringBuilder line = new StringBuilder("::error ");
      workspace.flatMap(w -> source(e.test(), w, moduleDir)).ifPresent(source -> line.append(source).append(','));
      line.append("title=").append(property("HVAE " + what + ": " + e.test() + " on " + e.model()));
      line.append("::").append(data(cut(message.get())));
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * {@code file=<path>,line=<n>} of the test's source below the workspace: the class in the
   * module's {@code src/test/java}, the line of the method's declaration when it is found.
   */
  static Optional<String> source(String testId, Path workspace, Path moduleDir) {
    int hash = testId.indexOf('#');
    if (hash < 0) {
      return Optional.empty();
    }
    String type = testId.substring(0, hash);
    int nested = type.indexOf('$');
    String topLevel = nested < 0 ? type : type.substring(0, nested);
    Path file;
    try {
      file = moduleDir.resolve("src/test/java").resolve(topLevel.replace('.', '/') + ".java").toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    Path root = workspace.toAbsolutePath().normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String relative = root.relativize(file).toString().replace('\\', '/');
    StringBuilder where = new StringBuilder("file=").append(property(relative));
    String method = testId.substring(hash + 1).split("[(\\[]", 2)[0];
    Pattern declaration = Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(");
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (declaration.matcher(lines.get(i)).find()) {
          where.append(",line=").append(i + 1);
          break;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // The file alone still places the annotation.
    }
    return Optional.of(where.toString());
  }

  /** A command's message, escaped as GitHub's toolkit does ({@code escapeData}). */
  static String data(String text) {
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A command's property value, escaped as GitHub's toolkit does ({@code escapeProperty}). */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }

  /**
   * Other control characters (terminal escapes in a server's error text) become U+FFFD: a workflow
   * log is a terminal too.
   */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              boolean control = (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c < 0xa0);
              out.appendCodePoint(control ? 0xFFFD : c);
            });
    return out.toString();
  }

  private static String cut(String message) {
    if (message.length() <= MAX_MESSAGE) {
      return message;
    }
    int end = MAX_MESSAGE - 1;
    return message.substring(0, Character.isHighSurrogate(message.charAt(end - 1)) ? end - 1 : end) + "…";
  }

  private static Optional<Path> path(String text) {
    try {
      return Optional.of(Path.of(text));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
