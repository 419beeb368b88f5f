package io.github.hvae.internal.http;

/**
 * What one endpoint saw during the run, for the report: how far its concurrency went and what
 * limited it.
 *
 * @param endpoint the base URL, without credentials, query or fragment
 * @param ceiling {@code hvae.concurrency}
 * @param adaptive whether the level adapted, or stayed at the ceiling
 * @param levels the concurrency levels and rate limits met
 * @param requests HTTP attempts sent
 * @param breakerOpenings times the endpoint stopped answering and calls were failed at once
 */
public record EndpointStats(
    String endpoint, int ceiling, boolean adaptive, Levels levels, long requests, int breakerOpenings) {

  /**
   * @param start the level the run started at
   * @param current the level now
   * @param highest the highest level reached
   * @param lowest the lowest level after a cut; the current level when there was none
   * @param rateLimited answers that refused a request for its rate (429, 529, Retry-After)
   * @param cuts times the level was cut
   */
  public record Levels(int start, int current, int highest, int lowest, int rateLimited, int cuts) {}
}
