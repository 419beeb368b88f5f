package io.github.hvae.internal.rating;

import java.util.List;

/**
 * An item bank that cannot be used: every error found, each {@code origin:line: message}, so that a
 * bank author fixes them in one pass.
 */
public final class InvalidItemBankException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> errors;

  InvalidItemBankException(String origin, List<String> errors) {
    super("the item bank " + origin + " is not a valid hvae-item-bank/1 bank (" + errors.size() + " error"
        + (errors.size() == 1 ? "" : "s") + "; see docs/instruments/item-bank-format.md):\n  "
        + String.join("\n  ", errors));
    this.errors = List.copyOf(errors);
  }

  /** Each error as {@code origin:line: message}, in the order of the lines. */
  public List<String> errors() {
    return errors;
  }
}
