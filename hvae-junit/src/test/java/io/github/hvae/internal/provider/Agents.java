package io.github.hvae.internal.provider;

import io.github.hvae.agent.ModelAgent;
import io.github.hvae.agent.ModelSpec;

import io.github.hvae.internal.http.HttpTimeouts;
import io.github.hvae.internal.http.RetryPolicy;
import io.github.hvae.internal.http.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Test fixtures: agents against a loopback server, with a fake environment and no real waits. */
public final class Agents {

  private Agents() {}

  /** Records the waits it is asked for instead of waiting. */
  public static final class RecordingSleeper implements Sleeper {
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
    }

    public List<Duration> waits() {
      synchronized (waits) {
        return List.copyOf(waits);
      }
    }
  }

  /** Settings for a server at {@code baseUrl}, keys from {@code env}, waits recorded. */
  public static AgentSettings settings(String baseUrl, Map<String, String> env, Sleeper sleeper) {
    AgentSettings defaults = AgentSettings.defaults(1);
    return defaults
        .withBaseUrl(baseUrl)
        .withEnvironment(Environment.of(env))
        .withRetry(defaults.retry().withSleeper(sleeper))
        .withTimeouts(new HttpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10)));
  }

  public static ModelAgent create(String spec, AgentSettings settings) {
    return ModelAgents.create(ModelSpec.parse(spec), settings);
  }
}
