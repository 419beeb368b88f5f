package io.github.hvae.evaluation;

import java.util.Collection;

/**
 * How item answers went.
 *
 * @param parsed items that ended with a choice
 * @param refusals replies recognised as refusals (a refused item that was re-asked counts each
 *     refusal)
 * @param unparseable replies from which no single choice could be read
 * @param reasked items asked a second time
 * @param extracted choices read by the choice extractor (a second model) rather than the parser
 */
public record AnswerCounts(int parsed, int refusals, int unparseable, int reasked, int extracted) {

  public static final AnswerCounts NONE = new AnswerCounts(0, 0, 0, 0, 0);

  static AnswerCounts of(Collection<ItemAnswer> items) {
    int parsed = 0;
    int refusals = 0;
    int unparseable = 0;
    int reasked = 0;
    int extracted = 0;
    for (ItemAnswer item : items) {
      parsed += item.shownIndex().isPresent() ? 1 : 0;
      refusals += (int) item.refusals();
      unparseable += (int) item.unparseable();
      reasked += item.reasked() ? 1 : 0;
      extracted += (int) item.extracted();
    }
    return new AnswerCounts(parsed, refusals, unparseable, reasked, extracted);
  }

  public AnswerCounts plus(AnswerCounts other) {
    return new AnswerCounts(
        parsed + other.parsed,
        refusals + other.refusals,
        unparseable + other.unparseable,
        reasked + other.reasked,
        extracted + other.extracted);
  }
}
