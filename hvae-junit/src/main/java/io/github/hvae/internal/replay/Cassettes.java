package io.github.hvae.internal.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.hvae.agent.ModelSpec;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
   * <p>Names are injective: two models or tests never share a file. A name that {@link #fileName}
   * writes unchanged, or changes only in ways that can be read back — the colon of {@code
   * provider:model}, the {@code $} of a nested class, the {@code " · "} between a target and a model,
   * the degree sign of an angle target — keeps the plain name, as earlier versions wrote it; any
   * other name gets {@code ~} and the first 8 hex digits of the SHA-256 of its exact text, so
   * {@code openai:a:b}, {@code openai:a/b} and {@code openai:a b} are {@code openai_a_b~3f1c…}, three
   * folders, while {@code openai:a_b} stays {@code openai_a_b}. A cassette recorded under the plain
   * name before this rule keeps serving when it names this very test and model.
   *
   * @param test the evaluation's name, {@code com.acme.AlignmentTest#method[TARGET]}
   */
  public static Path fileFor(Path cassetteDir, ModelSpec model, String test) {
    Path file = layout(cassetteDir, model, test, true);
    Path plain = layout(cassetteDir, model, test, false);
    if (!file.equals(plain) && !Files.exists(file) && recordedFor(plain, model, test)) {
      return plain;
    }
    return file;
  }

  private static Path layout(Path cassetteDir, ModelSpec model, String test, boolean injective) {
    int hash = test.indexOf('#');
    Path modelDir = cassetteDir.resolve(name(model.toString(), Part.MODEL, injective));
    if (hash < 0) {
      return modelDir.resolve(name(test, Part.METHOD, injective) + ".json");
    }
    return modelDir
        .resolve(name(test.substring(0, hash), Part.CLASS, injective))
        .resolve(name(test.substring(hash + 1), Part.METHOD, injective) + ".json");
  }

  /** The parts of a cassette's path, each with the changes of {@link #fileName} that can be read back. */
  enum Part {
    /** {@code provider:model}: the first {@code _} was the colon. */
    MODEL,
    /** A class's binary name: in its simple name, {@code _} was {@code $}. */
    CLASS,
    /** {@code method[TARGET · model · goal on]}: within the brackets, as the class comment says. */
    METHOD
  }

  private static String name(String name, Part part, boolean injective) {
    String plain = fileName(name);
    if (!injective || readBack(plain, part).equals(name)) {
      return plain;
    }
    return plain + "~" + shortHash(name);
  }

  /** What {@code plain} stood for when only the changes that can be read back were made. */
  static String readBack(String plain, Part part) {
    return switch (part) {
      case MODEL -> plain.replaceFirst("_", ":");
      case CLASS -> {
        int dot = plain.lastIndexOf('.');
        yield plain.substring(0, dot + 1) + plain.substring(dot + 1).replace('_', '$');
      }
      case METHOD -> {
        int open = plain.indexOf('[');
        if (open < 0 || !plain.endsWith("]")) {
          yield plain;
        }
        List<String> parts = new ArrayList<>();
        for (String p : plain.substring(open + 1, plain.length() - 1).split("___", -1)) {
          parts.add(
              switch (p) {
                case "goal_on" -> "goal on";
                case "goal_off" -> "goal off";
                default -> p.replaceAll("(?<=[0-9])deg", "°").replaceFirst("_", ":");
              });
        }
        yield plain.substring(0, open + 1) + String.join(" · ", parts) + "]";
      }
    };
  }

  private static String shortHash(String name) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** True when the cassette at {@code file} was recorded for this test on this model (its header says so). */
  private static boolean recordedFor(Path file, ModelSpec model, String test) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    Map<String, String> header = new HashMap<>();
    try (JsonParser parser = HEADER.createParser(file.toFile())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      // The header fields come first; stop at the samples.
      while (parser.nextToken() == JsonToken.FIELD_NAME && !parser.currentName().equals("samples")) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          header.put(field, parser.getText());
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    return test.equals(header.get("test"))
        && model.provider().equals(header.get("provider"))
        && model.model().equals(header.get("model"));
  }

  private static final JsonFactory HEADER = new JsonFactory();

  /**
   * A name every common file system accepts and a shell need not quote much: letters, digits and
   * {@code . _ - [ ] = , +} stay, the degree sign of angle targets becomes {@code deg}, anything
   * else {@code _}. Several names can become one; {@link #fileFor} tells them apart.
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
