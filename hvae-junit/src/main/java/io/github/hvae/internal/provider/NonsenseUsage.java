package io.github.hvae.internal.provider;

import io.github.hvae.agent.ModelSpec;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one warning per model that its server reported usage which is no token count (negative, or
 * past any prompt): the agent counts estimates instead, marked estimated, and says so once.
 */
public final class NonsenseUsage {

  private static final System.Logger LOG = System.getLogger(NonsenseUsage.class.getName());

  private final ModelSpec spec;
  private final AtomicBoolean noted = new AtomicBoolean();

  public NonsenseUsage(ModelSpec spec) {
    this.spec = spec;
  }

  /** Warns the first time, with {@code what} the server reported; quiet after that. */
  public void note(String what) {
    if (noted.compareAndSet(false, true)) {
      LOG.log(
          System.Logger.Level.WARNING,
          () ->
              spec
                  + ": the server reported usage "
                  + what
                  + ", which is no token count; counting estimates instead, marked estimated"
                  + " (noted once per model)");
    }
  }
}
