package io.github.hvae.junit;

import static io.github.hvae.junit.HvaeEngine.refusedAtDiscovery;

import io.github.hvae.internal.config.HvaeKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A misconfigured profile test or item bank fails at discovery, before any model is called, with
 * a message that names the annotation, dimension, key or line and says what to write.
 */
class ProfileMisconfigurationTest {

  @TempDir Path dir;

  private EngineExecutionResults run(Class<?> fixture, String... keyValues) {
    return HvaeEngine.configured(dir.resolve("report"), fixture, keyValues).execute();
  }

  static class UnknownDimension {
    @ValueAlignmentTest(instrument = "ipip-big5-50")
    @TargetProfile(name = "caring", value = "agreeablenes=high")
    void test() {}
  }

  @Test
  void aDimensionTheInstrumentLacksNamesTheClosestOne() {
    refusedAtDiscovery(run(UnknownDimension.class),
        "target caring on UnknownDimension.test cannot be measured with IPIP Big-Five Factor Markers (50 items)",
        "has no dimension \"agreeablenes\"; did you mean \"agreeableness\"?");
  }

  static class LevelOffTheScale {
    @ValueAlignmentTest(instrument = "ipip-big5-50")
    @TargetProfile("agreeableness=7")
    void test() {}
  }

  @Test
  void aLevelOffTheScaleNamesTheScale() {
    refusedAtDiscovery(run(LevelOffTheScale.class), "target agreeableness=7 on LevelOffTheScale.test",
        "level 7 of \"agreeableness\" is outside the scale", "1 to 5");
  }

  static class NotALevel {
    @ValueAlignmentTest(instrument = "ipip-big5-50")
    @TargetProfile({"agreeableness=sky-high"})
    void test() {}
  }

  @Test
  void aLevelThatIsNeitherNamedNorANumberListsTheLevels() {
    refusedAtDiscovery(run(NotALevel.class), "@TargetProfile({\"agreeableness=sky-high\"}) on NotALevel.test",
        "'sky-high' is not a level: write very-low, low, neutral, high or very-high, or a number");
  }

  static class LevelsAndDirection {
    @ValueAlignmentTest(instrument = "ipip-big5-50")
    @TargetProfile(value = "agreeableness=high", direction = 90)
    void test() {}
  }

  static class Empty {
    @ValueAlignmentTest(instrument = "ipip-big5-50")
    @TargetProfile(name = "nothing")
    void test() {}
  }

  @Test
  void aProfileGivesLevelsOrADirection() {
    refusedAtDiscovery(run(LevelsAndDirection.class), "gives both levels and a direction", "@TargetProfile(direction = 270)");
    refusedAtDiscovery(run(Empty.class), "@TargetProfile(name = \"nothing\") on Empty.test gives neither levels nor a direction");
  }

  static class DirectionWithoutACircle {
    @ValueAlignmentTest(instrument = "ipip-big5-50")
    @TargetProfile(direction = 90)
    void test() {}
  }

  @Test
  void aDirectionOnAnInstrumentWithoutAnglesAsksForLevels() {
    refusedAtDiscovery(run(DirectionWithoutACircle.class), "target toward-90",
        "a direction needs dimensions on a circle", "give levels instead");
  }

  static class UnusableName {
    @ValueAlignmentTest(instrument = "ipip-big5-50")
    @TargetProfile(name = "caring assistant!", value = "agreeableness=high")
    void test() {}
  }

  static class LongLevels {
    @ValueAlignmentTest(instrument = "ipip-big5-50")
    @TargetProfile({"agreeableness=very-high", "conscientiousness=high", "extraversion=neutral"})
    void test() {}
  }

  @Test
  void aProfilesNameMustFitTestIdsAndFileNames() {
    refusedAtDiscovery(run(UnusableName.class), "the profile name 'caring assistant!' is not usable in test ids and file names");
    refusedAtDiscovery(run(LongLevels.class), "its levels are too long to name the profile", "give it a name, e.g. name = \"caring\"");
  }

  static class TwiceTheSameProfile {
    @ValueAlignmentTest(instrument = "ipip-big5-50")
    @TargetProfile(name = "caring", value = "agreeableness=high")
    @TargetProfile(name = "caring", value = "agreeableness=very-high")
    void test() {}
  }

  @Test
  void twoProfilesWithOneNameAreRefused() {
    refusedAtDiscovery(run(TwiceTheSameProfile.class), "target caring is given twice");
  }

  static class ProfileOnTheSlider {
    @ValueAlignmentTest(instrument = "svo-slider")
    @TargetProfile(name = "caring", value = "agreeableness=high")
    void test() {}
  }

  @Test
  void aProfileOnAnInstrumentOfSvoValuesSaysWhichInstrumentToName() {
    refusedAtDiscovery(run(ProfileOnTheSlider.class), "cannot be measured with SVO Slider Measure",
        "a value profile needs a rating-scale instrument, e.g. @ValueAlignmentTest(instrument = \"ipip-big5-50\")");
  }

  static class Caring {
    @ValueAlignmentTest
    @TargetProfile(name = "caring", value = "routine=high")
    void test() {}
  }

  @Test
  void aBankFileWithErrorsFailsTheRunNamingEveryLine() throws IOException {
    Path bank = dir.resolve("habits.json");
    Files.writeString(bank, Files.readString(Path.of(ValueProfileTest.EXAMPLE_BANK))
        .replace("\"dimension\": \"outdoors\", \"reverse\": false", "\"dimension\": \"outdoor\", \"reverse\": false")
        .replace("\"min\": 1,", "\"min\": 1.5,"));

    refusedAtDiscovery(run(Caring.class, HvaeKeys.INSTRUMENT.name(), "file:" + bank),
        "hvae.instrument: the item bank " + bank + " is not a valid hvae-item-bank/1 bank (2 errors",
        bank + ":11: \"min\" must be a whole number, not the number 1.5",
        bank + ":30: item \"ex-3\" names dimension \"outdoor\", which is not declared; did you mean \"outdoors\"?");
  }

  @Test
  void aMissingBankFileSaysWhereItWasLookedFor() {
    refusedAtDiscovery(run(Caring.class, HvaeKeys.INSTRUMENT.name(), "file:no/such/bank.json"),
        "hvae.instrument: the item bank file no/such/bank.json does not exist");
  }

  @Test
  void aBankWithTheIdOfAnInstalledInstrumentIsRefused() throws IOException {
    Path bank = dir.resolve("copy.json");
    Files.writeString(bank, Files.readString(Path.of(ValueProfileTest.EXAMPLE_BANK)).replace("example-habits", "ipip-big5-50"));

    refusedAtDiscovery(run(Caring.class, HvaeKeys.INSTRUMENT.name(), "file:" + bank),
        "has the id 'ipip-big5-50' of the installed IPIP Big-Five Factor Markers (50 items); give the bank an id of its own");
  }

  static class BankOnTheAnnotation {
    @ValueAlignmentTest(instrument = "file:src/test/resources/instruments/no-such-bank.json")
    @TargetProfile(name = "caring", value = "routine=high")
    void test() {}
  }

  @Test
  void aBankNamedOnTheAnnotationIsCheckedAtDiscoveryToo() {
    refusedAtDiscovery(run(BankOnTheAnnotation.class),
        "@ValueAlignmentTest(instrument = \"file:src/test/resources/instruments/no-such-bank.json\") on BankOnTheAnnotation.test",
        "does not exist");
  }
}
