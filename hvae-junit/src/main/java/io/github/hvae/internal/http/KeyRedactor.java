package io.github.hvae.internal.http;

import io.github.hvae.internal.text.VisibleText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an endpoint's secrets (its API key, and the values of its configured headers) in the
 * shapes a server or a model may echo them in, and replaces them with {@value #MASK}: the exact
 * text; upper- or lower-cased; without a key's {@code sk-}, {@code sk-proj-} or {@code sk-ant-}
 * prefix; with spaces, dashes, dots, underscores or invisible characters inserted between its
 * characters; URL-encoded; and inside base64, as a server echoing an {@code Authorization: Bearer}
 * or basic-auth header would encode it, at any alignment.
 *
 * <p>One instance per endpoint, built once: the patterns cost a few microseconds per secret to
 * apply to a typical answer. Secrets shorter than {@value #MIN_SHAPED_LENGTH} characters are placeholders (a local
 * server's "none" or "x"), not secrets worth mangling model answers for: only their exact text is
 * removed, and only from error text, never from model content.
 */
public final class KeyRedactor {

  static final String MASK = "[redacted]";

  /** Shorter keys (after their prefix) are matched exactly, and never in model content. */
  static final int MIN_SHAPED_LENGTH = 8;

  /** Shortest base64 run worth matching: 12 characters carry 9 bytes of the key. */
  private static final int MIN_BASE64_RUN = 12;

  /** Prefixes providers put before the random part of a key; longest first. */
  private static final List<String> PREFIXES =
      List.of("sk-ant-api03-", "sk-ant-admin01-", "sk-ant-", "sk-proj-", "sk-svcacct-", "sk-");

  /** What a server or a model may insert between the characters of an echoed key. */
  private static final String SEPARATOR = "[\\s\\p{Z}\\p{Cf}\\-_.:,/|]*";

  /** Things that look like keys in error text, masked or not; never applied to model content. */
  private static final Pattern KEY_LIKE =
      Pattern.compile(
          "\\b(?:sk|pk|rk)-[A-Za-z0-9_\\-*.]{4,}|\\b[A-Za-z0-9_\\-]{32,}\\b"
              + "|(?i:bearer)\\s+[A-Za-z0-9_\\-.~+/=*]{8,}");

  private static final int EXCERPT = 300;

  private static final KeyRedactor NONE = new KeyRedactor(List.of(), List.of(), null, null);

  // Every secret's exact text (error text); the long ones' (content too); patterns of the long
  // ones' other shapes, null when there is none.
  private final List<String> exacts;
  private final List<String> contentExacts;
  private final Pattern caseless;
  private final Pattern base64;

  private KeyRedactor(List<String> exacts, List<String> contentExacts, Pattern caseless, Pattern base64) {
    this.exacts = exacts;
    this.contentExacts = contentExacts;
    this.caseless = caseless;
    this.base64 = base64;
  }

  /** No key: only key-like patterns are removed from error text. */
  public static KeyRedactor none() {
    return NONE;
  }

  public static KeyRedactor of(Optional<ApiKey> key) {
    return of(key.stream().toList());
  }

  /**
   * Every secret an endpoint is sent: its key and the values of its configured headers (a
   * gateway's subscription key is as secret as the provider's), each found in every shape.
   */
  public static KeyRedactor of(List<ApiKey> secrets) {
    return ofTexts(secrets.stream().map(ApiKey::reveal).toList());
  }

  static KeyRedactor of(String key) {
    return ofTexts(List.of(key));
  }

  private static KeyRedactor ofTexts(List<String> secrets) {
    List<String> exacts = new ArrayList<>();
    List<String> contentExacts = new ArrayList<>();
    Set<String> alternatives = new LinkedHashSet<>();
    Set<String> runs = new LinkedHashSet<>();
    for (String key : secrets) {
      if (key.isEmpty() || exacts.contains(key)) {
        continue;
      }
      exacts.add(key);
      String core = core(key);
      if (core.length() < MIN_SHAPED_LENGTH) {
        continue;
      }
      contentExacts.add(key);
      alternatives.add(spaced(core));
      for (String text : List.of(key, core)) {
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
        if (!encoded.equals(text)) {
          alternatives.add(Pattern.quote(encoded));
          alternatives.add(Pattern.quote(encoded.replace("%20", "+")));
        }
      }
      for (String text : List.of(key, core)) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int offset = 0; offset < 3; offset++) {
          String run = base64Run(bytes, offset, Base64.getEncoder().withoutPadding());
          if (run.length() >= MIN_BASE64_RUN) {
            runs.add(run);
            runs.add(run.replace('+', '-').replace('/', '_'));
          }
        }
      }
    }
    if (exacts.isEmpty()) {
      return NONE;
    }
    // Longest first: a short secret inside a longer one must not break the longer one's match.
    exacts.sort(java.util.Comparator.comparingInt(String::length).reversed());
    contentExacts.sort(java.util.Comparator.comparingInt(String::length).reversed());
    if (alternatives.isEmpty()) {
      return new KeyRedactor(List.copyOf(exacts), List.of(), null, null);
    }
    Pattern caseless =
        Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    List<String> quoted = new ArrayList<>();
    runs.forEach(run -> quoted.add(Pattern.quote(run)));
    // No key of 8 characters or more lacks a base64 run of 12, but an empty alternation would
    // match everywhere: guard it anyway.
    Pattern base64 = quoted.isEmpty() ? null : Pattern.compile(String.join("|", quoted));
    return new KeyRedactor(List.copyOf(exacts), List.copyOf(contentExacts), caseless, base64);
  }

  /** The random part of a key: without a known provider prefix. */
  static String core(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    for (String prefix : PREFIXES) {
      if (lower.startsWith(prefix) && key.length() > prefix.length()) {
        return key.substring(prefix.length());
      }
    }
    return key;
  }

  /** The core as a pattern that allows separators between its characters. */
  private static String spaced(String core) {
    StringBuilder pattern = new StringBuilder();
    int[] codePoints = core.codePoints().toArray();
    for (int i = 0; i < codePoints.length; i++) {
      if (i > 0) {
        pattern.append(SEPARATOR);
      }
      pattern.append(Pattern.quote(new String(Character.toChars(codePoints[i]))));
    }
    return pattern.toString();
  }

  /**
   * The base64 characters that encode {@code bytes} alone when they follow {@code offset} other
   * bytes: a key inside a longer encoded text ({@code Bearer <key>}, {@code user:<key>}) shows as
   * one of the three runs, whatever precedes it.
   */
  static String base64Run(byte[] bytes, int offset, Base64.Encoder encoder) {
    byte[] shifted = new byte[offset + bytes.length];
    System.arraycopy(bytes, 0, shifted, offset, bytes.length);
    String encoded = encoder.encodeToString(shifted);
    long startBit = 8L * offset;
    long endBit = 8L * (offset + bytes.length);
    // Character j carries bits [6j, 6j + 6): keep those wholly inside the key's bits.
    int first = (int) ((startBit + 5) / 6);
    int last = (int) (endBit / 6); // exclusive
    return last > first ? encoded.substring(first, Math.min(last, encoded.length())) : "";
  }

  /** True when this redactor knows a key worth finding in model content. */
  public boolean guardsContent() {
    return caseless != null;
  }

  /**
   * Model content without the key in any of its shapes; otherwise untouched (no shortening, no
   * whitespace changes), so that answers read the same.
   */
  public String scrubContent(String text) {
    if (caseless == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (String exact : contentExacts) {
      if (result.contains(exact)) {
        result = result.replace(exact, MASK);
      }
    }
    result = replaceAll(caseless, result);
    return replaceAll(base64, result);
  }

  /**
   * Error text fit for an exception message or a log line: without the key in any shape, without
   * anything that looks like a key or a bearer token, on one line, at most {@value #EXCERPT}
   * characters.
   */
  public String scrubMessage(String text) {
    String result = text;
    for (String exact : exacts) {
      if (result.contains(exact)) {
        result = result.replace(exact, MASK);
      }
    }
    if (caseless != null) {
      result = replaceAll(caseless, result);
      result = replaceAll(base64, result);
    }
    result = KEY_LIKE.matcher(result).replaceAll(Matcher.quoteReplacement(MASK)).strip();
    result = result.replaceAll("\\s+", " ");
    result = result.length() > EXCERPT ? result.substring(0, EXCERPT) + "..." : result;
    // A server's text in a message is shown, never obeyed: no escape sequence reaches a terminal.
    return VisibleText.of(result);
  }

  /**
   * Every string of a server's JSON answer, names and values, scrubbed as content, in place:
   * whatever field a provider reads the answer from, the key is gone before anything stores it.
   */
  public JsonNode scrubTree(JsonNode node) {
    if (caseless == null) {
      return node;
    }
    if (node instanceof ObjectNode object) {
      List<Map.Entry<String, JsonNode>> renamed = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        JsonNode scrubbed = value.isTextual() ? text(value) : scrubTree(value);
        String name = scrubContent(field.getKey());
        if (!name.equals(field.getKey())) {
          fields.remove();
          renamed.add(Map.entry(name, scrubbed));
        } else if (scrubbed != value) {
          field.setValue(scrubbed);
        }
      }
      renamed.forEach(e -> object.set(e.getKey(), e.getValue()));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode value = array.get(i);
        if (value.isTextual()) {
          array.set(i, text(value));
        } else {
          scrubTree(value);
        }
      }
    }
    return node;
  }

  private JsonNode text(JsonNode value) {
    String scrubbed = scrubContent(value.asText());
    return scrubbed.equals(value.asText()) ? value : TextNode.valueOf(scrubbed);
  }

  private static String replaceAll(Pattern pattern, String text) {
    if (pattern == null) {
      return text;
    }
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.replaceAll(Matcher.quoteReplacement(MASK)) : text;
  }
}
