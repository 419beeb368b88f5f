package io.github.hvae.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of {@code src/it/user-project} built by a child Maven process with this build's hvae-junit
 * and hvae-maven-plugin, as a user's build would use them. The two are staged into a local
 * repository of the tests' own ({@code target/it-repo}); everything else comes from the invoking
 * build's local repository, read as a remote one, so the child needs no network and never writes
 * to the shared repository.
 */
final class UserProject {

  private static final String VERSION = property("hvae.it.version");
  private static final Path ROOT = Path.of(property("hvae.it.root")).toAbsolutePath().normalize();
  private static final Path WORK = Path.of(property("hvae.it.work")).toAbsolutePath();
  private static final Path REPO = WORK.resolveSibling("it-repo");

  final Path dir;

  private UserProject(Path dir) {
    this.dir = dir;
  }

  /** The result of one child build. */
  record Build(int exitCode, String output) {}

  /** A fresh copy of the project in {@code target/it/<name>}, with this build's artifacts staged. */
  static UserProject create(String name) throws IOException {
    stage();
    Path dir = WORK.resolve(name);
    deleteTree(dir);
    Path template = ROOT.resolve("hvae-maven-plugin/src/it/user-project");
    try (Stream<Path> files = Files.walk(template)) {
      for (Path source : files.toList()) {
        Path target = dir.resolve(template.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.writeString(target, Files.readString(source)
              .replace("@hvae.version@", VERSION)
              .replace("@junit.version@", property("hvae.it.junit.version"))
              .replace("@surefire.version@", property("hvae.it.surefire.version")));
        }
      }
    }
    return new UserProject(dir);
  }

  /** Runs {@code mvn} with these arguments in the project; its output is also kept in a log file. */
  Build mvn(String... arguments) throws IOException, InterruptedException {
    return mvn(Map.of(), arguments);
  }

  /**
   * Runs {@code mvn} with these environment variables set. GitHub Actions' own are not passed on
   * from this build's environment: a child build must not write into this job's summary.
   */
  Build mvn(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(property("hvae.it.maven-home"), "bin", "mvn").toString(),
        "-B", "-ntp", "-Dstyle.color=never",
        "-s", settings().toString(),
        "-Dmaven.repo.local=" + REPO));
    command.addAll(List.of(arguments));
    Path log = dir.resolve("build-" + System.nanoTime() + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("GITHUB_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("mvn " + String.join(" ", arguments) + " did not end in 10 minutes; see " + log);
    }
    return new Build(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  Path path(String relative) {
    return dir.resolve(relative);
  }

  private static synchronized void stage() throws IOException {
    Path hvae = REPO.resolve("io/github/hvae");
    deleteTree(hvae);
    copy(ROOT.resolve("pom.xml"), artifact("hvae-parent", "pom"));
    if (Files.exists(ROOT.resolve("hvae-bom/pom.xml"))) {
      copy(ROOT.resolve("hvae-bom/pom.xml"), artifact("hvae-bom", "pom"));
    }
    copy(ROOT.resolve("hvae-junit/pom.xml"), artifact("hvae-junit", "pom"));
    Path junitJar = ROOT.resolve("hvae-junit/target/hvae-junit-" + VERSION + ".jar");
    if (!Files.exists(junitJar)) {
      throw new IllegalStateException(junitJar + " is missing: build hvae-junit first (mvn verify from the root)");
    }
    copy(junitJar, artifact("hvae-junit", "jar"));
    copy(ROOT.resolve("hvae-maven-plugin/pom.xml"), artifact("hvae-maven-plugin", "pom"));
    copy(Path.of(property("hvae.it.plugin-jar")), artifact("hvae-maven-plugin", "jar"));
  }

  private static Path artifact(String artifactId, String extension) {
    return REPO.resolve("io/github/hvae/" + artifactId + "/" + VERSION + "/" + artifactId + "-" + VERSION + "." + extension);
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  private static Path settings() throws IOException {
    Path settings = WORK.resolve("settings.xml");
    String shared = Path.of(property("hvae.it.local-repository")).toUri().toString();
    Files.createDirectories(WORK);
    Files.writeString(settings, """
        <settings>
          <mirrors>
            <mirror>
              <id>invoking-build</id>
              <mirrorOf>*</mirrorOf>
              <url>%s</url>
            </mirror>
          </mirrors>
        </settings>
        """.formatted(shared));
    return settings;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set: run the integration tests through Maven (mvn verify)");
    }
    return value;
  }
}
