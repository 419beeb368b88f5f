package io.github.hvae.internal.replay;

import io.github.hvae.agent.ChatMessage;
import io.github.hvae.agent.ChatRequest;
import io.github.hvae.agent.ConstrainedAnswers;
import io.github.hvae.agent.GenerationOptions;
import io.github.hvae.internal.replay.Cassette.Interaction;
import java.util.List;
import java.util.Locale;

/**
 * Says in a few lines how a request differs from the one recorded at its place: which message
 * (index and role) and its first differing line, or the generation parameters, or the length of
 * the conversation.
 */
final class RequestDiff {

  private static final int MAX_LINE = 160;
  private static final int CONTEXT = 40;

  private RequestDiff() {}

  static String explain(Interaction recorded, ChatRequest request) {
    StringBuilder out = new StringBuilder();
    if (!recorded.options().equals(request.options())) {
      out.append("  generation parameters differ: recorded ")
          .append(describe(recorded.options()))
          .append(", now ")
          .append(describe(request.options()))
          .append('\n');
    }
    List<ChatMessage> was = recorded.messages();
    List<ChatMessage> now = request.messages();
    int common = Math.min(was.size(), now.size());
    for (int i = 0; i < common; i++) {
      ChatMessage a = was.get(i);
      ChatMessage b = now.get(i);
      if (a.equals(b)) {
        continue;
      }
      out.append("  message ")
          .append(i + 1)
          .append(" of ")
          .append(now.size())
          .append(" (")
          .append(role(b));
      if (a.role() != b.role()) {
        out.append(", recorded as ").append(role(a)).append(")\n");
      } else {
        out.append(") differs");
        lineDiff(out, a.content(), b.content());
      }
      return out.toString();
    }
    if (was.size() != now.size()) {
      out.append("  the conversation has ")
          .append(now.size())
          .append(" messages, the recording ")
          .append(was.size())
          .append(was.size() < now.size() ? "; first new message: " : "; first missing message: ")
          .append(excerpt(was.size() < now.size() ? now.get(common) : was.get(common)))
          .append('\n');
    }
    return out.toString();
  }

  private static void lineDiff(StringBuilder out, String was, String now) {
    String[] a = was.split("\n", -1);
    String[] b = now.split("\n", -1);
    int line = 0;
    while (line < a.length && line < b.length && a[line].equals(b[line])) {
      line++;
    }
    String recordedLine = line < a.length ? a[line] : null;
    String currentLine = line < b.length ? b[line] : null;
    int column = 0;
    if (recordedLine != null && currentLine != null) {
      while (column < recordedLine.length()
          && column < currentLine.length()
          && recordedLine.charAt(column) == currentLine.charAt(column)) {
        column++;
      }
    }
    // Long prompt lines often differ late: show them from a little before the difference.
    int from = column > CONTEXT ? column - CONTEXT : 0;
    out.append(" at line ").append(line + 1);
    if (from > 0) {
      out.append(", column ").append(column + 1);
    }
    out.append(":\n");
    out.append("    - recorded: ").append(shown(recordedLine, from)).append('\n');
    out.append("    + now:      ").append(shown(currentLine, from)).append('\n');
  }

  private static String shown(String line, int from) {
    if (line == null) {
      return "(no such line)";
    }
    String tail = line.substring(Math.min(from, line.length()));
    String quoted = quote(tail);
    return from > 0 ? "…" + quoted : quoted;
  }

  private static String excerpt(ChatMessage message) {
    String first = message.content().split("\n", 2)[0];
    return role(message) + " " + quote(first);
  }

  private static String quote(String line) {
    String shown = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line;
    return "\"" + shown + "\"";
  }

  private static String role(ChatMessage message) {
    return message.role().name().toLowerCase(Locale.ROOT);
  }

  static String describe(GenerationOptions options) {
    StringBuilder out = new StringBuilder("{");
    options.temperature().ifPresent(t -> out.append("temperature=").append(t).append(", "));
    options.seed().ifPresent(s -> out.append("seed=").append(s).append(", "));
    options.maxTokens().ifPresent(m -> out.append("maxTokens=").append(m).append(", "));
    if (options.constrainedAnswers() != ConstrainedAnswers.OFF) {
      out.append("constrainedAnswers=").append(options.constrainedAnswers()).append(", ");
    }
    options.choice().ifPresent(c -> out.append("choice=").append(c).append(", "));
    if (out.length() > 1) {
      out.setLength(out.length() - 2);
    }
    return out.append("}").toString();
  }
}
