package io.github.hvae.bench;

import java.io.PrintStream;

/** Figure 3: calls per verdict, sequential sampling against the paper's fixed 10 samples. */
final class CallsPerVerdict {

  private CallsPerVerdict() {}

  static void print(PrintStream out) {
    out.println("FIGURE 3 calls per verdict: needs the sequential sampler (branch protocol)");
  }
}
