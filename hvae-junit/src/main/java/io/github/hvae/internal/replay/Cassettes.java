package io.github.hvae.internal.replay;

import io.github.hvae.agent.ModelSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where cassettes live and what they may say about an endpoint.
 *
 * <p>Layout: one JSON file per evaluation, {@code <cassette-dir>/<model>/<test class>/<method>[<
 * target>].json}, e.g. {@code hvae-cassettes/openai_gpt-4o-mini/com.acme.AlignmentTest/
 * followsInducedValues[PROSOCIAL].json}. The model is part of the path so that one test suite can
 * keep cassettes of several models side by side.
 */
public final class Cassettes {

  private Cassettes() {}

  /**
   * True when {@code hvae.cassette} has a mode that never talks to the model, so tests need neither
   * an API key nor a server and must not be disabled for want of one.
   *
   * @param mode the value of {@code hvae.cassette}
   */
  public static boolean servesWithoutNetwork(String mode) {
    return CassetteMode.parse(mode).servesWithoutNetwork();
  }

  /**
   * The cassette of one evaluation.
   *
   * @param test the evaluation's name, {@code com.acme.AlignmentTest#method[TARGET]}
   */
  public static Path fileFor(Path cassetteDir, ModelSpec model, String test) {
    int hash = test.indexOf('#');
    Path modelDir = cassetteDir.resolve(fileName(model.toString()));
    if (hash < 0) {
      return modelDir.resolve(fileName(test) + ".json");
    }
    return modelDir
        .resolve(fileName(test.substring(0, hash)))
        .resolve(fileName(test.substring(hash + 1)) + ".json");
  }

  /**
   * A name every common file system accepts and a shell need not quote much: letters, digits and
   * {@code . _ - [ ] = , +} stay, the degree sign of angle targets becomes {@code deg}, anything
   * else {@code _}.
   */
  static String fileName(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '°') {
        out.append("deg");
      } else if (c < 128 && (Character.isLetterOrDigit(c) || "._-[]=,+".indexOf(c) >= 0)) {
        out.append(c);
      } else {
        out.append('_');
      }
    }
    String result = out.toString();
    // "." and ".." would name directories, not files.
    return result.isEmpty() || result.chars().allMatch(c -> c == '.') ? "_" + result : result;
  }

  /**
   * The base URL as a cassette may store it: without user info, query or fragment, where
   * credentials could hide ({@code https://user:key@host/v1?api-key=...}). Empty stays empty: the
   * provider's default endpoint.
   */
  public static String redactedBaseUrl(Optional<String> baseUrl) {
    if (baseUrl.isEmpty() || baseUrl.get().isBlank()) {
      return "";
    }
    String url = baseUrl.get().strip();
    try {
      URI uri = new URI(url);
      if (uri.getScheme() != null && uri.getHost() != null) {
        return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
            .toString();
      }
    } catch (URISyntaxException e) {
      // Fall through to the plain cut below: never store the raw string.
    }
    int cut = url.length();
    for (char c : new char[] {'?', '#'}) {
      int at = url.indexOf(c);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    String withoutQuery = url.substring(0, cut);
    int scheme = withoutQuery.indexOf("://");
    int at = withoutQuery.lastIndexOf('@');
    if (at >= 0) {
      int start = scheme >= 0 ? scheme + 3 : 0;
      withoutQuery = withoutQuery.substring(0, start) + withoutQuery.substring(Math.max(at + 1, start));
    }
    return withoutQuery;
  }
}
