package io.github.hvae.internal.rating;

/**
 * The bundled rating-scale instrument, id {@code ipip-big5-50}: the 50 IPIP Big-Five Factor
 * Markers (Goldberg 1992), ten statements for each of extraversion, agreeableness,
 * conscientiousness, emotional stability and intellect/imagination, rated 1 (Very Inaccurate) to 5
 * (Very Accurate), with IPIP's keys and instructions. The IPIP items are in the public domain;
 * sources and the cross-check of every item are in {@code docs/instruments/ipip-big5-50.md}.
 * Registered with {@code ServiceLoader} like any instrument.
 */
public final class IpipBigFive extends RatingInstrument {

  public static final String ID = "ipip-big5-50";

  static final String RESOURCE = "/io/github/hvae/instruments/ipip-big5-50.json";

  private static final class Holder {
    static final ItemBank BANK = ItemBankReader.resource(RESOURCE);
  }

  public IpipBigFive() {
    super(Holder.BANK);
  }
}
