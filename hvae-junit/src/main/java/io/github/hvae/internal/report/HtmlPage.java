package io.github.hvae.internal.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What every HTML report page carries besides its content: the style sheet, the one script, and
 * the Content-Security-Policy that lets only that script run.
 */
final class HtmlPage {

  private HtmlPage() {}

  /**
   * The page loads nothing, and runs no script but its own: the policy makes both a property of the
   * page, not a promise. Its one script is allowed by its SHA-256, computed from the text written,
   * so a script or event handler that got into the page some other way would not run either.
   * Styles stay inline (the swatches' colours are {@code style} attributes, from fixed tables).
   */
  static String contentSecurityPolicy(String scriptText) {
    String hash;
    try {
      hash = Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(scriptText.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    return "default-src 'none'; script-src 'sha256-" + hash + "'; style-src 'unsafe-inline'; img-src data:;"
        + " base-uri 'none'; form-action 'none'";
  }

  /** Kept in one string so the page needs nothing else; system fonts only. */
  static final String CSS = """
      :root { color-scheme: light; --ink: #1d2329; --muted: #5f6b76; --line: #d9dee3; }
      * { box-sizing: border-box; }
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
             color: var(--ink); margin: 0 auto; padding: 24px 32px; max-width: 1500px; line-height: 1.4; font-size: 14px; }
      h1 { font-size: 26px; margin: 0 0 6px; }
      h2 { font-size: 21px; margin: 32px 0 10px; padding-top: 14px; border-top: 2px solid var(--ink); }
      h3 { font-size: 16px; margin: 22px 0 8px; }
      h3 small { font-weight: normal; color: var(--muted); }
      .counts span { margin-right: 16px; font-weight: 600; }
      .run { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 10px 0; color: var(--muted); }
      .run div { display: flex; gap: 6px; } .run dt { font-weight: 600; } .run dd { margin: 0; color: var(--ink); }
      .simulated-banner { background: #fff6d6; border: 1px solid #e0c35c; border-radius: 6px; padding: 8px 12px; max-width: 1000px; }
      .badge { display: inline-block; font-size: 12px; font-weight: 600; border-radius: 10px; padding: 1px 9px; vertical-align: middle; }
      .badge.simulated { background: #fff0b3; color: #6b5200; border: 1px solid #d8b640; }
      .figures { display: flex; flex-wrap: wrap; gap: 28px; align-items: flex-start; }
      figure { margin: 0; display: flex; flex-direction: column; }
      figure svg { flex-shrink: 0; }
      figcaption { font-size: 13px; padding: 0 24px; }
      figure.ring-figure figcaption { width: 700px; }
      figure.bars-figure figcaption { width: 560px; }
      figure.radar-figure figcaption { width: 440px; }
      .ring-figure .legend { columns: 2; column-gap: 24px; }
      .legend li { break-inside: avoid; overflow-wrap: anywhere; }
      .legend .method { color: var(--muted); }
      .table-wrap { overflow-x: auto; }
      .figure-title { font-weight: 700; font-size: 15px; margin: 6px 0; }
      .legend { list-style: none; padding: 0; margin: 0 0 10px; }
      .legend li { margin: 5px 0; }
      .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px; vertical-align: -1px; }
      .key { color: var(--muted); font-size: 12px; }
      svg text { font-family: inherit; font-size: 12px; fill: #333; }
      svg .sector-label { font-size: 11px; font-weight: 600; }
      svg .target-label, svg .radar-axis { font-size: 12.5px; font-weight: 700; }
      svg .boundary-label, svg .radar-scale { font-size: 10.5px; fill: #555; }
      svg .axis-label { font-size: 10.5px; fill: #777; }
      table { border-collapse: collapse; margin: 14px 0; font-size: 12.5px; width: 100%; }
      th, td { border-bottom: 1px solid var(--line); padding: 5px 7px; text-align: left; vertical-align: top; }
      th { background: #f3f5f7; font-weight: 600; position: sticky; top: 0; }
      td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
      td.test { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; min-width: 150px; }
      tr.evaluation-row td { border-bottom: none; }
      tr.reason-row td { color: var(--muted); font-size: 12px; padding-top: 0; }
      .verdict-passed { color: #1b5e20; font-weight: 700; }
      .verdict-failed { color: #b71c1c; font-weight: 700; }
      .verdict-error { color: #8e24aa; font-weight: 700; }
      td.warn { background: #fff3cd; font-weight: 700; }
      td.regressed { background: #fde2e2; color: #b71c1c; font-weight: 700; }
      td.off-category { color: #b71c1c; font-weight: 700; }
      details.transcript { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 6px 10px; }
      details.transcript summary { cursor: pointer; }
      ol.messages { list-style: none; padding: 0; margin: 8px 0 0; }
      li.message { border-left: 4px solid #bbb; padding: 2px 0 2px 10px; margin: 6px 0; }
      li.role-system { border-color: #9e9e9e; } li.role-user { border-color: #1565c0; } li.role-assistant { border-color: #2e7d32; }
      .role { font-size: 11px; font-weight: 700; text-transform: uppercase; color: var(--muted); }
      pre { white-space: pre-wrap; word-break: break-word; margin: 2px 0; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
      footer { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
      @media print {
        body { padding: 0; max-width: none; font-size: 11px; }
        section.model { break-before: page; }
        .figures, figure, tr { break-inside: avoid; }
        th { position: static; }
        details.transcript summary { list-style: none; }
      }
      """;

  /**
   * Opens every transcript for printing (a closed details element prints as its summary only), and
   * marks the page as scripted so a test can see that the script ran without error.
   */
  private static final String SCRIPT = """
      (function () {
        var openAll = function () {
          document.querySelectorAll('details').forEach(function (d) { d.open = true; });
        };
        window.addEventListener('beforeprint', openAll);
        if (window.matchMedia) {
          window.matchMedia('print').addEventListener('change', function (m) { if (m.matches) { openAll(); } });
        }
        document.documentElement.setAttribute('data-hvae-script', 'ok');
      })();
      """;

  /** Exactly the text between the page's {@code <script>} and {@code </script>}, which its hash covers. */
  static final String SCRIPT_ELEMENT_TEXT = "\n" + SCRIPT;
}
