package io.github.hvae.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the OkHttp on the class path is one the HTTP providers can run on, decided once per class
 * loader before the first HTTP model is used.
 *
 * <p>hvae-junit depends on {@code com.squareup.okhttp3:okhttp-jvm} 5.x. Maven treats that as
 * another artifact than {@code com.squareup.okhttp3:okhttp}, OkHttp 4's coordinates, so a project
 * that also has {@code okhttp} 4.x (common with Spring Boot 3) gets both jars, and the one declared
 * first wins class by class; okio and the Kotlin standard library come from whichever path Maven
 * met first. Measured with {@code okhttp} 4.12.0 declared before hvae-junit: OkHttp 4.12.0, okio
 * 3.6.0 and Kotlin 1.8.21 are loaded, and nothing says so. With OkHttp 5.3.2 but okio 3.6.0, the
 * first connection fails with {@code NoSuchMethodError: okio.Okio.socket}. OkHttp 5.3.2 ran
 * HVAE's HTTP tests on Kotlin 1.8.21 and 1.9.10 (the version Spring Boot 3 manages): the Kotlin
 * version is named, not required.
 */
public final class OkHttpCompatibility {

  /**
   * The okio that okhttp-jvm's POM names for the OkHttp this library is built with. {@code
   * OkHttpCompatibilityTest} fails when the build's OkHttp brings another, so that it is kept
   * current.
   */
  static final String OKIO_NEEDED = "3.16.4";

  /** When the build's version resource is missing or unfiltered (an IDE build): any OkHttp 5. */
  private static final String OKHTTP_FALLBACK = "5.0.0";

  private static final String VERSION_RESOURCE = "/io/github/hvae/report/hvae-version.properties";

  private OkHttpCompatibility() {}

  /**
   * Fails when the class path's OkHttp or okio is older than this library needs, with a message
   * naming the versions found, the versions needed and the lines of the build that fix it.
   * Decided once; a no-op after that when they fit.
   *
   * @throws IllegalArgumentException when they do not fit: the build's dependencies are a setting
   *     the HTTP providers cannot use, and the message says what to write instead
   */
  public static void require() {
    Once.PROBLEM.ifPresent(
        problem -> {
          throw new IllegalArgumentException(problem);
        });
  }

  private static final class Once {
    static final Optional<String> PROBLEM = detect();

    private static Optional<String> detect() {
      try {
        return problem(Found.on(OkHttpCompatibility.class.getClassLoader()), Needed.current());
      } catch (RuntimeException | LinkageError e) {
        // A class path this check cannot read is left to OkHttp itself, as before the check.
        return Optional.empty();
      }
    }
  }

  /** The versions this library needs. */
  record Needed(Version okhttp, Version okio) {

    /** From the version resource this build filters (its {@code okhttp.version}). */
    static Needed current() {
      Properties properties = new Properties();
      try (InputStream in = OkHttpCompatibility.class.getResourceAsStream(VERSION_RESOURCE)) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String okhttp = properties.getProperty("okhttp", OKHTTP_FALLBACK);
      return new Needed(
          Version.parse(okhttp).orElseGet(() -> Version.parse(OKHTTP_FALLBACK).orElseThrow()),
          Version.parse(OKIO_NEEDED).orElseThrow());
    }
  }

  /**
   * What a class loader gives: OkHttp's version ({@code okhttp3.OkHttp.VERSION}) and jar, every jar
   * holding OkHttp, okio's version (its manifest's {@code Bundle-Version}, else its jar's name) and
   * jar, and the Kotlin standard library's version ({@code kotlin.KotlinVersion.CURRENT}). Empty
   * where the class path does not tell.
   */
  record Found(
      Optional<Version> okhttp,
      Optional<String> okhttpJar,
      List<String> okhttpJars,
      Optional<Version> okio,
      Optional<String> okioJar,
      Optional<String> kotlin) {

    Found {
      okhttpJars = List.copyOf(okhttpJars);
    }

    static Found on(ClassLoader loader) {
      Optional<Class<?>> okhttp = load("okhttp3.OkHttp", loader);
      Optional<Class<?>> okio = load("okio.Buffer", loader);
      Optional<String> okioJar = okio.flatMap(OkHttpCompatibility::jarOf).map(p -> p.getFileName().toString());
      return new Found(
          okhttp.flatMap(c -> staticField(c, "VERSION")).flatMap(Version::parse),
          okhttp.flatMap(OkHttpCompatibility::jarOf).map(p -> p.getFileName().toString()),
          jarsHolding("okhttp3/OkHttp.class", loader),
          okio.flatMap(OkHttpCompatibility::jarOf)
              .flatMap(OkHttpCompatibility::bundleVersion)
              .or(() -> okioJar.flatMap(OkHttpCompatibility::versionInName)),
          okioJar,
          load("kotlin.KotlinVersion", loader).flatMap(c -> staticField(c, "CURRENT")));
    }
  }

  /**
   * Why {@code found} cannot serve this library's HTTP providers, empty when it can or when the
   * class path does not tell (a shaded or repackaged OkHttp: no check rather than a false alarm).
   */
  static Optional<String> problem(Found found, Needed needed) {
    boolean oldOkHttp = found.okhttp().filter(v -> v.compareTo(needed.okhttp()) < 0).isPresent();
    boolean oldOkio = found.okio().filter(v -> v.compareTo(needed.okio()) < 0).isPresent();
    if (!oldOkHttp && !oldOkio) {
      return Optional.empty();
    }
    StringBuilder m =
        new StringBuilder("HVAE's HTTP models need OkHttp ")
            .append(needed.okhttp())
            .append(" or newer (com.squareup.okhttp3:okhttp-jvm) with okio ")
            .append(needed.okio())
            .append(" or newer, but the test class path loads OkHttp ")
            .append(found.okhttp().map(Version::toString).orElse("(version unknown)"))
            .append(found.okhttpJar().map(jar -> " from " + jar).orElse(""))
            .append(" and okio ")
            .append(found.okio().map(Version::toString).orElse("(version unknown)"))
            .append(found.okioJar().map(jar -> " from " + jar).orElse(""))
            .append(found.kotlin().map(k -> " (Kotlin standard library " + k + ")").orElse(""))
            .append('.');
    if (found.okhttpJars().size() > 1) {
      m.append(" OkHttp is on the class path ")
          .append(found.okhttpJars().size())
          .append(" times (")
          .append(String.join(", ", found.okhttpJars()))
          .append(") and the first wins: Maven keeps com.squareup.okhttp3:okhttp (OkHttp 4) beside okhttp-jvm (OkHttp 5),")
          .append(" as they are different artifacts.");
    }
    m.append(" Fix it in your pom: ");
    if (oldOkHttp) {
      m.append("where it declares com.squareup.okhttp3:okhttp, declare com.squareup.okhttp3:okhttp-jvm instead")
          .append(" (under Maven, OkHttp 5's okhttp artifact holds no classes), and add to")
          .append(" <dependencyManagement><dependencies>, ahead of other BOMs, so that an okhttp another")
          .append(" dependency brings is upgraded too: ")
          .append("<dependency><groupId>com.squareup.okhttp3</groupId><artifactId>okhttp-bom</artifactId><version>")
          .append(needed.okhttp())
          .append("</version><type>pom</type><scope>import</scope></dependency>");
    } else {
      m.append("another dependency brings the older okio; add to <dependencyManagement><dependencies>:");
    }
    if (oldOkio) {
      m.append(" <dependency><groupId>com.squareup.okio</groupId><artifactId>okio-jvm</artifactId><version>")
          .append(needed.okio())
          .append("</version></dependency>");
    }
    if (oldOkHttp) {
      m.append(". With Gradle: testImplementation(platform(\"com.squareup.okhttp3:okhttp-bom:")
          .append(needed.okhttp())
          .append("\"))");
    }
    // One line: Surefire's summary of failed tests shows a message's first line only.
    m.append(". See the README, \"Install\".");
    return Optional.of(m.toString());
  }

  private static Optional<Class<?>> load(String name, ClassLoader loader) {
    try {
      return Optional.of(Class.forName(name, false, loader));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** Read by reflection: a Kotlin {@code const val} would be inlined at compile time. */
  private static Optional<String> staticField(Class<?> type, String name) {
    try {
      return Optional.ofNullable(type.getField(name).get(null)).map(String::valueOf);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  private static Optional<Path> jarOf(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static List<String> jarsHolding(String resource, ClassLoader loader) {
    List<String> jars = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(resource))) {
        String text = url.toString();
        int bang = text.indexOf("!/");
        String location = bang < 0 ? text : text.substring(0, bang);
        jars.add(location.substring(location.lastIndexOf('/') + 1));
      }
    } catch (IOException e) {
      return List.of();
    }
    return jars;
  }

  private static Optional<Version> bundleVersion(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      return manifest == null
          ? Optional.empty()
          : Optional.ofNullable(manifest.getMainAttributes().getValue("Bundle-Version")).flatMap(Version::parse);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static final Pattern VERSION_IN_NAME = Pattern.compile("-(\\d+(?:\\.\\d+)*(?:-[A-Za-z0-9.]+)?)\\.jar$");

  private static Optional<Version> versionInName(String jar) {
    Matcher matcher = VERSION_IN_NAME.matcher(jar);
    return matcher.find() ? Version.parse(matcher.group(1)) : Optional.empty();
  }

  /**
   * A release version, {@code 5.3.2}, or a pre-release, {@code 5.0.0-alpha.16}, which comes before
   * its release.
   */
  record Version(List<Integer> numbers, String qualifier) implements Comparable<Version> {

    private static final Pattern SHAPE = Pattern.compile("(\\d+(?:\\.\\d+)*)(?:[-.]?([A-Za-z].*))?");

    Version {
      numbers = List.copyOf(numbers);
    }

    static Optional<Version> parse(String text) {
      Matcher matcher = SHAPE.matcher(text.strip());
      if (!matcher.matches()) {
        return Optional.empty();
      }
      List<Integer> numbers = new ArrayList<>();
      for (String part : matcher.group(1).split("\\.")) {
        try {
          numbers.add(Integer.parseInt(part));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
      return Optional.of(new Version(numbers, matcher.group(2) == null ? "" : matcher.group(2)));
    }

    @Override
    public int compareTo(Version other) {
      for (int i = 0; i < Math.max(numbers.size(), other.numbers.size()); i++) {
        int a = i < numbers.size() ? numbers.get(i) : 0;
        int b = i < other.numbers.size() ? other.numbers.get(i) : 0;
        if (a != b) {
          return Integer.compare(a, b);
        }
      }
      if (qualifier.isEmpty() || other.qualifier.isEmpty()) {
        return Boolean.compare(qualifier.isEmpty(), other.qualifier.isEmpty());
      }
      return qualifier.compareTo(other.qualifier);
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      for (int n : numbers) {
        text.append(text.length() == 0 ? "" : ".").append(n);
      }
      return qualifier.isEmpty() ? text.toString() : text + "-" + qualifier;
    }
  }
}
