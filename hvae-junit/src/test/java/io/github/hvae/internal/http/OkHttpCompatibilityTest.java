package io.github.hvae.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.internal.http.OkHttpCompatibility.Found;
import io.github.hvae.internal.http.OkHttpCompatibility.Needed;
import io.github.hvae.internal.http.OkHttpCompatibility.Version;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which OkHttp and okio the HTTP providers accept, and what the refusal says. The class path of a
 * project that has OkHttp 4 is tried for real by the plugin's {@code OkHttpGuardIT}.
 */
class OkHttpCompatibilityTest {

  private static final Needed NEEDED = new Needed(version("5.3.2"), version("3.16.4"));

  /** What Maven gave a project that declares okhttp 4.12.0 before hvae-junit (measured). */
  private static final Found SPRING_BOOT_3_OKHTTP_4 =
      new Found(
          Optional.of(version("4.12.0")), Optional.of("okhttp-4.12.0.jar"),
          List.of("okhttp-4.12.0.jar", "okhttp-jvm-5.3.2.jar"),
          Optional.of(version("3.6.0")), Optional.of("okio-jvm-3.6.0.jar"), Optional.of("1.8.21"));

  @Test
  void thisBuildsOwnClassPathIsWhatTheCheckNeeds() {
    Found found = Found.on(getClass().getClassLoader());
    Needed needed = Needed.current();

    // Maven resolved OkHttp and okio for this build from okhttp-jvm's POM: when a new OkHttp brings
    // a new okio, OKIO_NEEDED must follow it.
    assertThat(found.okhttp()).contains(needed.okhttp());
    assertThat(found.okio()).as("okio of this build's OkHttp; update OkHttpCompatibility.OKIO_NEEDED").contains(needed.okio());
    assertThat(found.okhttpJars()).singleElement().asString().startsWith("okhttp-jvm-");
    assertThat(found.kotlin()).isPresent();
    assertThat(OkHttpCompatibility.problem(found, needed)).isEmpty();
  }

  @Test
  void okHttp4AheadOfOkHttp5IsRefusedNamingWhatWasFoundWhatIsNeededAndTheFix() {
    String message = OkHttpCompatibility.problem(SPRING_BOOT_3_OKHTTP_4, NEEDED).orElseThrow();

    assertThat(message)
        .contains("need OkHttp 5.3.2 or newer (com.squareup.okhttp3:okhttp-jvm) with okio 3.16.4 or newer")
        .contains("loads OkHttp 4.12.0 from okhttp-4.12.0.jar and okio 3.6.0 from okio-jvm-3.6.0.jar")
        .contains("Kotlin standard library 1.8.21")
        .contains("OkHttp is on the class path 2 times (okhttp-4.12.0.jar, okhttp-jvm-5.3.2.jar) and the first wins")
        .contains("declare com.squareup.okhttp3:okhttp-jvm instead")
        .contains(
            "<dependency><groupId>com.squareup.okhttp3</groupId><artifactId>okhttp-bom</artifactId>"
                + "<version>5.3.2</version><type>pom</type><scope>import</scope></dependency>")
        .contains("<dependency><groupId>com.squareup.okio</groupId><artifactId>okio-jvm</artifactId><version>3.16.4</version></dependency>")
        .contains("testImplementation(platform(\"com.squareup.okhttp3:okhttp-bom:5.3.2\"))")
        // Surefire's summary of failed tests shows the first line only.
        .doesNotContain("\n");
  }

  @Test
  void okHttp5WithAnOlderOkioIsRefusedNamingOnlyOkio() {
    // Measured: OkHttp 5.3.2 on okio 3.6.0 fails its first connection with NoSuchMethodError.
    Found found =
        new Found(
            Optional.of(version("5.3.2")), Optional.of("okhttp-jvm-5.3.2.jar"), List.of("okhttp-jvm-5.3.2.jar"),
            Optional.of(version("3.6.0")), Optional.of("okio-jvm-3.6.0.jar"), Optional.of("2.2.21"));

    String message = OkHttpCompatibility.problem(found, NEEDED).orElseThrow();

    assertThat(message)
        .contains("loads OkHttp 5.3.2 from okhttp-jvm-5.3.2.jar and okio 3.6.0 from okio-jvm-3.6.0.jar")
        .contains("another dependency brings the older okio")
        .contains("<artifactId>okio-jvm</artifactId><version>3.16.4</version>")
        .doesNotContain("okhttp-bom")
        .doesNotContain("times");
  }

  @Test
  void theNeededVersionsOrNewerOnAnyKotlinAreAccepted() {
    for (String okhttp : List.of("5.3.2", "5.4.0", "6.0.0")) {
      for (String kotlin : List.of("1.8.21", "1.9.25", "2.2.21")) {
        Found found =
            new Found(
                Optional.of(version(okhttp)), Optional.of("okhttp-jvm-" + okhttp + ".jar"), List.of(),
                Optional.of(version("3.16.4")), Optional.of("okio-jvm-3.16.4.jar"), Optional.of(kotlin));
        assertThat(OkHttpCompatibility.problem(found, NEEDED)).as(okhttp + " on Kotlin " + kotlin).isEmpty();
      }
    }
  }

  @Test
  void aClassPathThatDoesNotTellIsNotRefused() {
    Found unknown =
        new Found(Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());

    assertThat(OkHttpCompatibility.problem(unknown, NEEDED)).isEmpty();
  }

  @Test
  void anOlderOkHttp5IsRefusedToo() {
    Found found =
        new Found(
            Optional.of(version("5.0.0-alpha.16")), Optional.of("okhttp-jvm-5.0.0-alpha.16.jar"), List.of(),
            Optional.of(version("3.16.4")), Optional.of("okio-jvm-3.16.4.jar"), Optional.empty());

    assertThat(OkHttpCompatibility.problem(found, NEEDED)).hasValueSatisfying(
        m -> assertThat(m).contains("loads OkHttp 5.0.0-alpha.16 from okhttp-jvm-5.0.0-alpha.16.jar"));
  }

  @Test
  void versionsCompareByNumberAndAPreReleaseComesBeforeItsRelease() {
    assertThat(version("4.12.0")).isLessThan(version("5.3.2"));
    assertThat(version("3.6.0")).isLessThan(version("3.16.4"));
    assertThat(version("5.0.0-alpha.16")).isLessThan(version("5.0.0"));
    assertThat(version("5.3")).isEqualByComparingTo(version("5.3.0"));
    assertThat(Version.parse("${okhttp.version}")).isEmpty();
  }

  private static Version version(String text) {
    return Version.parse(text).orElseThrow();
  }
}
