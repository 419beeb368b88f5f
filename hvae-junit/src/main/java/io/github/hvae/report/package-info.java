/**
 * <b>Extension point</b>: report formats. Implement {@link io.github.hvae.report.ReportFormat} and
 * register it in {@code META-INF/services/io.github.hvae.report.ReportFormat}; it renders the typed
 * {@link io.github.hvae.report.Report}.
 */
package io.github.hvae.report;
