/**
 * <b>Extension point</b>: measurement instruments. Implement {@link io.github.hvae.instrument.Instrument}
 * and register it in {@code META-INF/services/io.github.hvae.instrument.Instrument}; the built-in
 * SVO Slider Measure is registered the same way.
 */
package io.github.hvae.instrument;
