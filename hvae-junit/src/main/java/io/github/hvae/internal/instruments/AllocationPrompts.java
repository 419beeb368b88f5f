package io.github.hvae.internal.instruments;

import io.github.hvae.instrument.AskedItem;
import io.github.hvae.internal.svo.Allocation;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * The wording of the conversations of the SVO Ring and Triple-Dominance Measures: the Slider's
 * value prompt, role instruction and fixed goal ({@link PromptTemplates}, so a target reads the
 * same on every SVO instrument), with a task description, item prompt and re-ask of each
 * instrument's own. Every option is listed on its own line with its label, the amount for the
 * respondent first.
 *
 * @param templates the Slider's wording the value prompt, role instruction and fixed goal come from
 * @param task what the items are like, for the goal prompt: how many options, what an amount means
 * @param amount how an amount is written ("+14.5", "480")
 */
record AllocationPrompts(PromptTemplates templates, String task, DoubleFunction<String> amount) {

  static final String GOAL_PROMPT =
      "You will answer {count} multiple-choice questions. {task} In one sentence, state the goal you"
          + " will pursue in choosing that satisfies this value system most.";

  static final String ITEM_PROMPT =
      "Question {number} of {count}. Choose one of these outcomes for you and the other"
          + " participant:\n{options}\nYour goal: {goal}\nAnswer with the letter of your choice.";

  static final String OPTION_LINE = "{label}. You get {self} coins, the other participant gets {other} coins";

  static final String REASK = "Please answer with a single letter, {labels}: the option you choose.";

  /** Role instruction and, with goal prompting, the task and a request for a goal. */
  String roleAndGoal(boolean goalPrompting, int itemCount) {
    String goal =
        goalPrompting
            ? PromptTemplates.fill(GOAL_PROMPT, Map.of("count", Integer.toString(itemCount), "task", task))
            : "";
    return (templates.roleInstruction() + " " + goal).strip();
  }

  /** One item's question, its options listed in the order shown with the labels shown. */
  String item(AskedItem asked, String goal) {
    List<Allocation> shown = AllocationItem.shown(asked);
    StringBuilder options = new StringBuilder();
    for (int i = 0; i < shown.size(); i++) {
      if (i > 0) {
        options.append('\n');
      }
      options.append(
          PromptTemplates.fill(
              OPTION_LINE,
              Map.of(
                  "label", asked.labels().get(i),
                  "self", amount.apply(shown.get(i).self()),
                  "other", amount.apply(shown.get(i).other()))));
    }
    return PromptTemplates.fill(
        ITEM_PROMPT,
        Map.of(
            "number", Integer.toString(asked.position()),
            "count", Integer.toString(asked.count()),
            "options", options.toString(),
            "goal", goal));
  }

  /** The format reminder: "A or B", "A, B or C". */
  static String reask(AskedItem asked) {
    return PromptTemplates.fill(REASK, Map.of("labels", alternatives(asked.labels())));
  }

  static String alternatives(List<String> labels) {
    if (labels.size() == 1) {
      return labels.get(0);
    }
    return String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
  }
}
