package io.github.hvae.junit;

import static io.github.hvae.svo.SocialValue.PROSOCIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.hvae.toy.IdealModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * An {@code hvae.report-dir} the run could not write its reports to fails the run at its start,
 * naming the key and what to do, before any model is called — not at the end, with every result
 * paid for and lost. So do {@code hvae.cassette-dir} when recording and {@code hvae.cache-dir} with
 * the cache on, which would otherwise fail each sample after its first paid call.
 */
class ReportDirectoryTest {

  static class PaidCalls {
    @HvaeModel("counted")
    static IdealModel model = new IdealModel();

    @ValueAlignmentTest(samples = 4, models = "counted")
    @TargetValue(PROSOCIAL)
    void followsTheTarget() {}
  }

  @TempDir Path dir;

  private void failsAtTheStartWithoutACall(String reportDir, String why) {
    failsAtTheStartWithoutACall("hvae.report-dir", reportDir, "the reports", why);
  }

  private void failsAtTheStartWithoutACall(String key, String value, String what, String why, String... more) {
    int before = PaidCalls.model.calls.get();
    EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter")
        .configurationParameter("hvae.report-dir", dir.resolve("reports").toString())
        .configurationParameter("hvae.baseline", dir.resolve("no-baseline.json").toString())
        .configurationParameter(key, value)
        .selectors(selectClass(PaidCalls.class));
    for (int i = 0; i < more.length; i += 2) {
      builder.configurationParameter(more[i], more[i + 1]);
    }
    EngineExecutionResults results = builder.execute();

    results.testEvents().assertStatistics(s -> s.started(0));
    results.containerEvents().assertThatEvents().haveExactly(1, event(container(), finishedWithFailure(
        instanceOf(ExtensionConfigurationException.class),
        message(m -> m.startsWith("configuration parameter " + key + "='" + value + "' cannot hold " + what + ": ")
            && m.contains(why) && m.contains("set it to a directory this build can write")))));
    assertThat(PaidCalls.model.calls.get()).as("model calls").isEqualTo(before);
  }

  @Test
  void devNullFailsAtTheStartNamingTheKey() {
    Assumptions.assumeTrue(Files.exists(Path.of("/dev/null")), "a system with /dev/null");
    failsAtTheStartWithoutACall("/dev/null", "is not a directory");
  }

  @Test
  void aFileFailsAtTheStartNamingTheKey() throws Exception {
    Path file = Files.writeString(dir.resolve("reports"), "not a directory");
    failsAtTheStartWithoutACall(file.toString(), "is not a directory");
    failsAtTheStartWithoutACall(file.resolve("below").toString(), "cannot be created");
  }

  @Test
  void aDirectoryThatRefusesFilesFailsAtTheStartNamingTheKey() throws Exception {
    // /proc/self refuses new files even to root, for whom a read-only mode means nothing.
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux's /proc");
    failsAtTheStartWithoutACall("/proc/self", "no file can be created in it");
  }

  @Test
  void aReadOnlyDirectoryFailsAtTheStartNamingTheKey() throws Exception {
    Path readOnly = Files.createDirectory(dir.resolve("read-only"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Assumptions.assumeFalse(Files.isWritable(readOnly), "a user that file modes restrict (not root)");
      failsAtTheStartWithoutACall(readOnly.toString(), "no file can be created in it");
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aCassetteDirThatCannotBeWrittenFailsAtTheStartOfARecordingNamingTheKey() throws Exception {
    Path file = Files.writeString(dir.resolve("cassettes"), "not a directory");
    failsAtTheStartWithoutACall("hvae.cassette-dir", file.toString(), "the cassettes this run records", "is not a directory",
        "hvae.cassette", "record");
  }

  @Test
  void aCacheDirThatCannotBeWrittenFailsAtTheStartNamingTheKey() throws Exception {
    Path file = Files.writeString(dir.resolve("cache"), "not a directory");
    failsAtTheStartWithoutACall("hvae.cache-dir", file.toString(), "the response cache", "is not a directory",
        "hvae.cache", "on");
  }

  @Test
  void aWritableDirectoryIsCreatedAndKeepsNoTraceOfTheCheck() throws Exception {
    Path reports = dir.resolve("new/reports");
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("hvae.report-dir", reports.toString())
        .configurationParameter("hvae.baseline", dir.resolve("no-baseline.json").toString())
        .selectors(selectClass(PaidCalls.class))
        .execute()
        .testEvents()
        .assertStatistics(s -> s.started(1).succeeded(1));

    try (var files = Files.list(reports)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.contains("write-check"))).isEmpty();
    }
    assertThat(reports.resolve("hvae-report.json")).isNotEmptyFile();
  }
}
