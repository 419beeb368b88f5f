package io.github.hvae.internal.instruments;

import io.github.hvae.instrument.Instrument;
import io.github.hvae.internal.config.InvalidConfigurationException;
import io.github.hvae.internal.rating.ItemBanks;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The installed instruments, found with {@link ServiceLoader} like any user's, by id. Loaded once
 * per class loader.
 */
public final class Instruments {

  private static final class Holder {
    static final Map<String, Instrument> BY_ID = load();
  }

  private Instruments() {}

  /** The default instrument: the SVO Slider Measure with its default wording. */
  public static Instrument slider() {
    return byId(SvoSliderInstrument.ID);
  }

  /**
   * The instrument {@code id} names, or the item bank {@code file:path} names (read and checked).
   *
   * @throws InvalidConfigurationException naming the installed instruments when none has that id,
   *     or saying what is wrong with the bank file, line by line
   */
  public static Instrument byId(String id) {
    if (id.startsWith(ItemBanks.FILE)) {
      return bank(id.substring(ItemBanks.FILE.length()));
    }
    Instrument instrument = find(id).orElse(null);
    if (instrument == null) {
      throw new InvalidConfigurationException(
          "no instrument '" + id + "' is installed; installed: " + String.join(", ", Holder.BY_ID.keySet())
              + " (an instrument of your own is one class plus a line in"
              + " META-INF/services/io.github.hvae.instrument.Instrument)");
    }
    return instrument;
  }

  /**
   * Whether the instrument {@code id} names measures an angle (its positions are degrees); true for
   * one not installed here, which is how reports showed every position before instruments without
   * an angle existed.
   */
  public static boolean measuresAngle(String id) {
    return find(id).map(i -> i.angularWidth().isPresent()).orElse(true);
  }

  /** The installed instrument {@code id} names, or a bank loaded from a file in this run. */
  public static Optional<Instrument> find(String id) {
    return Optional.ofNullable(Holder.BY_ID.get(id)).or(() -> ItemBanks.loaded(id));
  }

  private static Instrument bank(String path) {
    Instrument bank;
    try {
      bank = ItemBanks.load(path);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(e.getMessage());
    }
    Instrument installed = Holder.BY_ID.get(bank.id());
    if (installed != null) {
      throw new InvalidConfigurationException(
          "the item bank " + path + " has the id '" + bank.id() + "' of the installed " + installed.name()
              + "; give the bank an id of its own (its \"id\" field)");
    }
    return bank;
  }

  /** Every installed instrument by id. */
  public static Map<String, Instrument> all() {
    return Holder.BY_ID;
  }

  private static Map<String, Instrument> load() {
    Map<String, Instrument> byId = new TreeMap<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    for (Instrument instrument :
        ServiceLoader.load(Instrument.class, loader != null ? loader : Instruments.class.getClassLoader())) {
      Instrument other = byId.putIfAbsent(instrument.id(), instrument);
      if (other != null && other.getClass() != instrument.getClass()) {
        throw new IllegalStateException(
            "two instruments have the id '" + instrument.id() + "': " + other.getClass().getName()
                + " and " + instrument.getClass().getName() + "; give one another id");
      }
    }
    return Collections.unmodifiableMap(byId);
  }
}
