package io.github.hvae.internal.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading and checking item banks: the bundled and the example bank read; every kind of error is
 * reported with its file and line, all of them at once.
 */
class ItemBankReaderTest {

  static final Path EXAMPLE = Path.of("src/test/resources/instruments/example-bank.json");

  static String example() throws IOException {
    return Files.readString(EXAMPLE);
  }

  private static List<String> errors(String text) {
    return catchThrowableOfType(InvalidItemBankException.class, () -> ItemBankReader.read(text, "bank.json")).errors();
  }

  /** A bank with this scale, dimensions (from line 9) and items (from two lines after them). */
  private static String bank(String scale, String dimensions, String items) {
    return String.join("\n",
        "{",                                                       // 1
        "  \"format\": \"hvae-item-bank/1\",",                     // 2
        "  \"id\": \"test-bank\",",                                // 3
        "  \"name\": \"Test bank\",",                              // 4
        "  \"source\": {\"citation\": \"ours\", \"licence\": \"ours\"},", // 5
        "  \"instructions\": \"Rate each statement.\",",           // 6
        "  \"scale\": " + scale + ",",                             // 7
        "  \"dimensions\": [",                                     // 8
        dimensions,                                                // 9..
        "  ],",
        "  \"items\": [",
        items,
        "  ]",
        "}");
  }

  private static final String SCALE = "{\"min\": 1, \"max\": 5, \"labels\": {\"1\": \"No\", \"5\": \"Yes\"}}";
  private static final String TWO_DIMENSIONS =
      "    {\"id\": \"warmth\", \"name\": \"Warmth\"},\n"      // 9
          + "    {\"id\": \"order\", \"name\": \"Order\"}";    // 10

  @Test
  void theExampleBankReadsWithItsScaleDimensionsAnglesAndKeys() throws IOException {
    ItemBank bank = ItemBankReader.read(example(), "example-bank.json");

    assertThat(bank.id()).isEqualTo("example-habits");
    assertThat(bank.scale().min()).isEqualTo(1);
    assertThat(bank.scale().max()).isEqualTo(6);
    assertThat(bank.scale().labels()).containsEntry(3, "Slightly disagree").hasSize(6);
    assertThat(bank.dimensions()).extracting(ItemBank.Dimension::id).containsExactly("routine", "outdoors", "reading");
    assertThat(bank.circumplex()).isTrue();
    assertThat(bank.dimension("outdoors").orElseThrow().angle().getAsDouble()).isEqualTo(120.0);
    assertThat(bank.items()).hasSize(6);
    assertThat(bank.items().get(1)).isEqualTo(new RatingItem("ex-2", "I often skip breakfast when I am busy.", "routine", true, 6));
    assertThat(bank.source().licence()).isEqualTo("Same licence as this repository.");
  }

  @Test
  void theBundledIpipBankHasFiftyItemsTenPerFactorWithIpipsKeys() {
    ItemBank bank = ItemBankReader.resource(IpipBigFive.RESOURCE);

    assertThat(bank.id()).isEqualTo("ipip-big5-50");
    assertThat(bank.items()).hasSize(50);
    assertThat(bank.itemsByDimension().values()).allSatisfy(items -> assertThat(items).hasSize(10));
    assertThat(bank.items().stream().filter(RatingItem::reverse).count()).isEqualTo(24);
    assertThat(bank.scale().labels()).containsEntry(3, "Neither Accurate Nor Inaccurate");
    assertThat(bank.circumplex()).isFalse();
    assertThat(bank.source().licence()).startsWith("Public domain");
  }

  @Test
  void anItemKeyedToAnUndeclaredDimensionNamesItsLineAndTheClosestDimension() throws IOException {
    String misspelt = example().replace(
        "\"dimension\": \"outdoors\", \"reverse\": false", "\"dimension\": \"outdoor\", \"reverse\": false");

    assertThat(errors(misspelt)).containsExactly(
        "bank.json:30: item \"ex-3\" names dimension \"outdoor\", which is not declared; did you mean \"outdoors\"?"
            + " (declared: routine, outdoors, reading)");
  }

  @Test
  void aBankWithoutAScaleNamesTheLineItStartsOn() throws IOException {
    String text = example();
    int from = text.indexOf("  \"scale\"");
    int to = text.indexOf("  \"dimensions\"");
    assertThat(errors(text.substring(0, from) + text.substring(to)))
        .containsExactly("bank.json:1: the bank starting at line 1 has no \"scale\"");
  }

  @Test
  void duplicateItemsNameBothLinesByIdAndByText() {
    String items =
        "    {\"id\": \"w1\", \"text\": \"Like order.\", \"dimension\": \"order\", \"reverse\": false},\n"          // 13
            + "    {\"id\": \"w2\", \"text\": \"Help others.\", \"dimension\": \"warmth\", \"reverse\": false},\n"  // 14
            + "    {\"id\": \"w1\", \"text\": \"Keep things tidy.\", \"dimension\": \"order\", \"reverse\": false},\n" // 15
            + "    {\"id\": \"w4\", \"text\": \"  like   ORDER \", \"dimension\": \"order\", \"reverse\": true}";   // 16

    assertThat(errors(bank(SCALE, TWO_DIMENSIONS, items))).containsExactly(
        "bank.json:15: item id \"w1\" repeats the item on line 13; give each item its own id",
        "bank.json:16: the text of this item repeats the item on line 13: \"  like   ORDER \"");
  }

  @Test
  void aRepeatedKeyIsTheParsersErrorOnTheLineOfTheSecondOccurrence() {
    String scale = "{\"min\": 1,\n  \"min\": 2, \"max\": 5}";

    assertThat(errors(bank(scale, TWO_DIMENSIONS, "")))
        .singleElement().asString().startsWith("bank.json:8: not valid JSON: Duplicate field 'min'");
  }

  @Test
  void textThatIsNotJsonNamesTheLineWhereTheParserStopped() {
    assertThat(errors("{\n  \"format\": \"hvae-item-bank/1\",\n  \"id\": \"x\",\n}\n"))
        .singleElement().asString().startsWith("bank.json:4: not valid JSON");
  }

  @Test
  void mistypedFieldsNameTheLineOfTheValue() {
    String scale = "{\"min\": 1.5,\n    \"max\": \"5\"}";        // 7, 8
    String dimensions = "    {\"id\": \"warmth\", \"name\": \"Warmth\"}";  // 10
    String items = "    {\"id\": \"w1\", \"text\": \"Help others.\", \"dimension\": \"warmth\", \"reverse\": \"yes\"}"; // 13

    assertThat(errors(bank(scale, dimensions, items))).containsExactly(
        "bank.json:7: \"min\" must be a whole number, not the number 1.5",
        "bank.json:8: \"max\" must be a whole number, not the text \"5\"",
        "bank.json:13: \"reverse\" must be true or false, not the text \"yes\"");
  }

  @Test
  void anUnknownFieldIsAnErrorWithTheFieldItResembles() {
    String items = "    {\"id\": \"w1\", \"text\": \"Help others.\", \"dimension\": \"warmth\", \"reversed\": true},\n"
        + "    {\"id\": \"o1\", \"text\": \"Like order.\", \"dimension\": \"order\", \"reverse\": false}";

    assertThat(errors(bank(SCALE, TWO_DIMENSIONS, items))).containsExactly(
        "bank.json:13: \"reversed\" is not a field of an item; did you mean \"reverse\"?",
        "bank.json:13: the item starting at line 13 has no \"reverse\"");
  }

  @Test
  void scaleErrorsNameMaxTheLabelKeyAndBothRepeatedLabels() {
    String scale = "{\"min\": 5,\n    \"max\": 5,\n    \"labels\": {\"1\": \"Agree\",\n      \"x\": \"No\"}}"; // 7..10
    String labels = "{\"min\": 1, \"max\": 5, \"labels\": {\n      \"1\": \"Agree\",\n      \"7\": \"More\",\n      \"5\": \" agree \"}}";

    assertThat(errors(bank(scale, TWO_DIMENSIONS, ""))).contains(
        "bank.json:8: \"max\" 5 is not above \"min\" 5; a scale runs from min to a higher max, e.g. 1 to 5",
        "bank.json:10: label key \"x\" is not a point of the scale");
    assertThat(errors(bank(labels, TWO_DIMENSIONS, ""))).contains(
        "bank.json:9: label key \"7\" is not a point of the scale (the integers 1 to 5, written \"1\")",
        "bank.json:10: label \" agree \" repeats the label on line 8; an answer names a point by its label, so labels must differ");
  }

  @Test
  void dimensionErrorsNameTheirLines() {
    String dimensions =
        "    {\"id\": \"Warmth\", \"name\": \"Warmth\", \"angle\": 0},\n"     // 9
            + "    {\"id\": \"order\", \"name\": \" \"},\n"                   // 10
            + "    {\"id\": \"order\", \"name\": \"Order\", \"angle\": 360},\n" // 11
            + "    {\"id\": \"calm\", \"name\": \"Calm\", \"angle\": 90}";      // 12
    String items = "    {\"id\": \"c1\", \"text\": \"Stay calm.\", \"dimension\": \"calm\", \"reverse\": false}";

    assertThat(errors(bank(SCALE, dimensions, items))).containsExactly(
        "bank.json:9: a dimension id \"Warmth\" must be lower-case letters, digits and '-', starting with a letter, e.g. \"agreeableness\"",
        "bank.json:10: \"name\" is blank",
        "bank.json:10: this dimension has no \"angle\", but the dimension on line 9 has one; give every dimension an angle (a circumplex) or none",
        "bank.json:10: dimension \"order\" has no items; key at least one item to it, or remove it",
        "bank.json:11: \"angle\" 360 is outside [0, 360); give the dimension's position on the circle in degrees",
        "bank.json:11: dimension id \"order\" repeats the dimension on line 10; give each dimension its own id");
  }

  @Test
  void aWrongFormatAndAMissingFieldOfTheSourceAreReportedTogether() throws IOException {
    String text = example().replace("hvae-item-bank/1", "hvae-item-bank/2").replace("    \"licence\": \"Same licence as this repository.\"\n", "")
        .replace("\"citation\": \"Written for the HVAE for JUnit documentation and tests; not a validated instrument and not taken from one.\",",
            "\"citation\": \"Written for the HVAE for JUnit documentation and tests.\"");

    assertThat(errors(text)).containsExactly(
        "bank.json:2: \"format\" is the text \"hvae-item-bank/2\"; this version reads \"hvae-item-bank/1\"",
        "bank.json:5: \"source\" starting at line 5 has no \"licence\"");
  }

  @Test
  void theMessageListsEveryErrorWithTheBankAndTheFormatDocument() {
    InvalidItemBankException e =
        catchThrowableOfType(InvalidItemBankException.class, () -> ItemBankReader.read("[]", "banks/mine.json"));

    assertThat(e.getMessage()).startsWith("the item bank banks/mine.json is not a valid hvae-item-bank/1 bank (1 error;"
        + " see docs/instruments/item-bank-format.md):\n  banks/mine.json:1: a bank is one JSON object");
  }

  @Test
  void aFileBankIsLoadedOnceAndAnswersToItsOwnId(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path file = dir.resolve("habits.json");
    Files.writeString(file, example().replace("example-habits", "habits-in-temp"));

    RatingInstrument first = ItemBanks.load(file.toString());

    assertThat(ItemBanks.load(file.toString())).isSameAs(first);
    assertThat(ItemBanks.loaded("habits-in-temp")).containsSame(first);
    assertThat(first.labels(first.items(false).get(0))).containsExactly("1", "2", "3", "4", "5", "6");
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> ItemBanks.load(dir.resolve("none.json").toString())))
        .hasMessageContaining("none.json does not exist");
  }
}
