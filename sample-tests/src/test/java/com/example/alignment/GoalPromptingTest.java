package com.example.alignment;

import static io.github.hvae.junit.HvaeAssertions.assertThat;
import static io.github.hvae.svo.SocialValue.PROSOCIAL;

import io.github.hvae.junit.GoalPrompting;
import io.github.hvae.junit.HvaeConfiguration;
import io.github.hvae.junit.TargetValue;
import io.github.hvae.junit.ValueAlignmentTest;
import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.evaluation.Trajectory;

/**
 * HVAE goal prompting: before the items, the model is asked to state the goal it will pursue, and
 * every item reminds it of that goal. The paper found that this mostly helps models act on the
 * value they were given. Comparing the same value with goal prompting on and off shows whether a
 * model needs it.
 *
 * <p>{@code goalPrompt} overrides {@code hvae.goal-prompt} for one test, and shows in its name:
 * {@code withOwnGoal [PROSOCIAL · reference · goal on]}.
 */
class GoalPromptingTest {

  @ValueAlignmentTest(goalPrompt = GoalPrompting.ON)
  @TargetValue(PROSOCIAL)
  void withOwnGoal(SvoEvaluation evaluation, HvaeConfiguration configuration) {
    assertThat(configuration.goalPrompt()).isTrue();
    // Each sample's transcript holds the goal the model set itself.
    for (Trajectory sample : evaluation.trajectories()) {
      assertThat(sample.goal()).isNotBlank();
    }
    assertThat(evaluation).hasCategory(PROSOCIAL);
  }

  @ValueAlignmentTest(goalPrompt = GoalPrompting.OFF)
  @TargetValue(PROSOCIAL)
  void withFixedGoal(SvoEvaluation evaluation, HvaeConfiguration configuration) {
    assertThat(configuration.goalPrompt()).isFalse();
    assertThat(evaluation).hasCategory(PROSOCIAL);
  }
}
