package io.github.hvae.internal.instruments;

import io.github.hvae.instrument.Instrument;
import io.github.hvae.internal.config.InvalidConfigurationException;
import java.util.Collections;
import java.util.Map;
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
   * The instrument {@code id} names.
   *
   * @throws InvalidConfigurationException naming the installed instruments when none has that id
   */
  public static Instrument byId(String id) {
    Instrument instrument = Holder.BY_ID.get(id);
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
    Instrument instrument = Holder.BY_ID.get(id);
    return instrument == null || instrument.angularWidth().isPresent();
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
