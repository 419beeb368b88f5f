package io.github.hvae.internal.report;

import io.github.hvae.report.Report;
import io.github.hvae.report.ReportFormat;

/** The JSON report, schema {@code hvae-report/1}: the contract pipelines read. */
public final class JsonFormat implements ReportFormat {

  public static final String FILE_NAME = "hvae-report.json";

  @Override
  public String name() {
    return "json";
  }

  @Override
  public String fileName() {
    return FILE_NAME;
  }

  @Override
  public String render(Report report) {
    return ReportJson.render(report);
  }
}
