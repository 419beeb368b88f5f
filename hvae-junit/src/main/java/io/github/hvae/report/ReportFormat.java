package io.github.hvae.report;

/**
 * <b>Service interface</b>: a file the run's report is rendered into. The JSON report (the
 * contract), the HTML page and the Markdown summary are built in and registered the same way a
 * user's format is: one class plus one line in {@code
 * META-INF/services/io.github.hvae.report.ReportFormat}. Every installed format is written at the
 * end of every run and by a merge, atomically, into {@code hvae.report-dir}.
 */
public interface ReportFormat {

  /** A short name for messages: {@code html}. */
  String name();

  /**
   * The file's name, e.g. {@code hvae-report.html}. A shard of a forked run inserts a suffix
   * before the extension: {@code hvae-report-fork2.html}.
   */
  String fileName();

  /**
   * The file's content. Must not fail on any report, whatever its text holds (a model's answer
   * may contain anything): escape for the format.
   */
  String render(Report report);
}
