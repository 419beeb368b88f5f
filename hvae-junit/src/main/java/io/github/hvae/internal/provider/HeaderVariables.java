package io.github.hvae.internal.provider;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Extra request headers of a provider, {@code hvae.<provider>.headers=Name=ENV_VAR,...}: each value
 * is read from the named environment variable, never written in configuration. Configuration is
 * committed ({@code junit-platform.properties}) or copied into Surefire's {@code TEST-*.xml} ({@code
 * -D} properties), and a gateway's subscription key or Azure's {@code api-key} is a secret.
 *
 * @param entries the headers, in the order written
 */
public record HeaderVariables(List<Entry> entries) {

  /** No extra headers. */
  public static final HeaderVariables NONE = new HeaderVariables(List.of());

  /** RFC 9110 token characters: what a header name may consist of. */
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Headers the HTTP client writes itself; a second value would make the request ambiguous. */
  private static final Set<String> RESERVED =
      Set.of("host", "content-length", "content-type", "transfer-encoding", "connection");

  /**
   * One header and the environment variable holding its value.
   *
   * @param header e.g. {@code Ocp-Apim-Subscription-Key}
   * @param variable e.g. {@code APIM_SUBSCRIPTION_KEY}
   */
  public record Entry(String header, String variable) {}

  public HeaderVariables {
    entries = List.copyOf(entries);
  }

  /**
   * Parses {@code Name=ENV_VAR,Other-Name=OTHER_VAR}.
   *
   * @throws IllegalArgumentException naming the entry that is not a header name and a variable
   *     name, a header the HTTP client sets itself, or a header named twice
   */
  public static HeaderVariables parse(String text) {
    List<Entry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String part : text.split(",")) {
      String entry = part.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int equals = entry.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException(
            "'" + entry + "' names no environment variable; write Header-Name=ENV_VAR");
      }
      String header = entry.substring(0, equals).strip();
      String variable = entry.substring(equals + 1).strip();
      if (!HEADER_NAME.matcher(header).matches()) {
        throw new IllegalArgumentException("'" + header + "' is not an HTTP header name");
      }
      if (!VARIABLE.matcher(variable).matches()) {
        // The text is not shown: it may be the secret itself, written where a variable name belongs.
        throw new IllegalArgumentException(
            "the value of header " + header + " is not the name of an environment variable; a"
                + " header's value is read from the environment (" + header + "=ENV_VAR), never"
                + " written in configuration, which Surefire copies into its reports");
      }
      String lower = header.toLowerCase(Locale.ROOT);
      if (RESERVED.contains(lower)) {
        throw new IllegalArgumentException(header + " is set by the HTTP client itself");
      }
      if (!seen.add(lower)) {
        throw new IllegalArgumentException("header " + header + " is named twice");
      }
      entries.add(new Entry(header, variable));
    }
    return new HeaderVariables(entries);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** True when one of the headers is {@code header} (case-insensitive). */
  public boolean names(String header) {
    return entries.stream().anyMatch(e -> e.header().equalsIgnoreCase(header));
  }
}
