package io.github.hvae.maven;

import io.github.hvae.internal.config.Configuration;
import io.github.hvae.internal.config.HvaeKeys;
import io.github.hvae.internal.config.Key;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What the goals share: the {@code hvae.*} keys the extension reads, from the same places. A key is
 * taken from the command line ({@code -Dhvae.baseline=...}) or the plugin's configuration, else
 * from the module's {@code junit-platform.properties} (where the tests take it from), else its
 * default; it is checked by the extension's own registry. Paths are the module's: a relative path
 * is resolved against the module's folder, as the tests' working directory is.
 */
abstract class HvaeMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** Where the run's reports are ({@code hvae.report-dir}; default {@code target/hvae}). */
  @Parameter(property = "hvae.report-dir")
  String reportDir;

  /** The committed baseline ({@code hvae.baseline}; default {@code src/test/resources/hvae-baseline.json}). */
  @Parameter(property = "hvae.baseline")
  String baseline;

  /** How far value rationality may fall below the baseline ({@code hvae.baseline-tolerance}; default 0.05). */
  @Parameter(property = "hvae.baseline-tolerance")
  String baselineTolerance;

  /** Skips the goal. */
  @Parameter(property = "hvae.skip-goals", defaultValue = "false")
  boolean skip;

  private Configuration configuration;

  /** The keys' values, as the extension would read them for this module. */
  Configuration configuration() throws MojoExecutionException {
    if (configuration == null) {
      Map<String, String> given = new HashMap<>(testProperties());
      put(given, HvaeKeys.REPORT_DIR, reportDir);
      put(given, HvaeKeys.BASELINE, baseline);
      put(given, HvaeKeys.BASELINE_TOLERANCE, baselineTolerance);
      try {
        configuration = Configuration.read(name -> Optional.ofNullable(given.get(name)));
      } catch (IllegalArgumentException e) { // InvalidConfigurationException among them
        throw new MojoExecutionException("HVAE: " + e.getMessage(), e);
      }
    }
    return configuration;
  }

  private static void put(Map<String, String> given, Key<?> key, String value) {
    if (value != null && !value.isBlank()) {
      given.put(key.name(), value);
    }
  }

  /**
   * The {@code hvae.*} keys of the module's {@code junit-platform.properties}, from its first test
   * resource folder that has one (the file JUnit reads on the test class path).
   */
  private Map<String, String> testProperties() throws MojoExecutionException {
    Map<String, String> found = new HashMap<>();
    for (Resource resource : project.getTestResources()) {
      Path file = module(resource.getDirectory()).resolve("junit-platform.properties");
      if (Files.isRegularFile(file)) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
          properties.load(in);
        } catch (IOException e) {
          throw new MojoExecutionException("HVAE: could not read " + file + ": " + e.getMessage(), e);
        }
        properties.stringPropertyNames().stream()
            .filter(k -> k.startsWith(HvaeKeys.PREFIX))
            .forEach(k -> found.put(k, properties.getProperty(k)));
        break;
      }
    }
    return found;
  }

  /** A path of the module: relative ones are resolved against its folder. */
  Path module(String path) {
    Path p = Path.of(path);
    return p.isAbsolute() ? p : project.getBasedir().toPath().resolve(p).normalize();
  }

  Path module(Path path) {
    return module(path.toString());
  }

  /** The run's report directory, resolved. */
  Path reportDirectory() throws MojoExecutionException {
    return module(configuration().get(HvaeKeys.REPORT_DIR));
  }

  /** The baseline file, resolved. */
  Path baselineFile() throws MojoExecutionException {
    return module(configuration().get(HvaeKeys.BASELINE));
  }

  /** The path as the user would write it: relative to the module when inside it. */
  String shown(Path path) {
    Path base = project.getBasedir().toPath().toAbsolutePath();
    Path absolute = path.toAbsolutePath();
    return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
  }
}
