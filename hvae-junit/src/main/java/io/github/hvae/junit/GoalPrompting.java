package io.github.hvae.junit;

/**
 * Whether a {@link ValueAlignmentTest} asks the model for its own goal before the items (HVAE goal
 * prompting). An enum rather than a boolean because an annotation attribute cannot be left unset:
 * {@link #CONFIGURED} means "whatever {@code hvae.goal-prompt} says".
 */
public enum GoalPrompting {
  /** Follow the configuration parameter {@code hvae.goal-prompt} (default true). */
  CONFIGURED,
  /** Ask the model to state its goal first, then remind it of that goal in every item. */
  ON,
  /** Remind the model of the templates' fixed goal instead of asking for its own. */
  OFF
}
