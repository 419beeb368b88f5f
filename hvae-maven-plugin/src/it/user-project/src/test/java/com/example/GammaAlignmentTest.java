package com.example;

import io.github.hvae.evaluation.SvoEvaluation;
import io.github.hvae.junit.TargetValue;
import io.github.hvae.junit.ValueAlignmentTest;
import io.github.hvae.junit.ValueRationality;
import io.github.hvae.svo.SocialValue;

class GammaAlignmentTest {

  @ValueAlignmentTest(samples = 4)
  @TargetValue({SocialValue.COMPETITIVE,SocialValue.PROSOCIAL})
  @ValueRationality(atLeast = 0.5)
  void followsInducedValues(SvoEvaluation evaluation) {}
}
