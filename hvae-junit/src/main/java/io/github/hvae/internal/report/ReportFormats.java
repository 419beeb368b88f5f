package io.github.hvae.internal.report;

import io.github.hvae.report.ReportFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The installed report formats, found with {@link ServiceLoader} like any user's. */
public final class ReportFormats {

  private static final class Holder {
    static final List<ReportFormat> ALL = load();
  }

  private ReportFormats() {}

  /**
   * Every installed format, the JSON report last: a pipeline that waits for the JSON then finds the
   * others in place.
   */
  public static List<ReportFormat> all() {
    return Holder.ALL;
  }

  private static List<ReportFormat> load() {
    List<ReportFormat> formats = new ArrayList<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    ServiceLoader.load(ReportFormat.class, loader != null ? loader : ReportFormats.class.getClassLoader())
        .forEach(formats::add);
    if (formats.stream().noneMatch(JsonFormat.class::isInstance)) {
      // The JSON report is the contract: it is written even where service files were stripped.
      formats.add(new JsonFormat());
    }
    formats.sort(Comparator.comparing((ReportFormat f) -> f instanceof JsonFormat).thenComparing(ReportFormat::fileName));
    return List.copyOf(formats);
  }
}
