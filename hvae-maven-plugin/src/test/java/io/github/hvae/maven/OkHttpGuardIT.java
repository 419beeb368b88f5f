package io.github.hvae.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user's project that declares OkHttp 4 ({@code com.squareup.okhttp3:okhttp:4.12.0}, as a Spring
 * Boot 3 project may) before hvae-junit, built by a child Maven: Maven puts OkHttp 4.12.0, okio
 * 3.6.0 and Kotlin 1.8.21 first on the test class path, and a test of an HTTP model must fail at
 * once with the message that names them and the fix, before any request. With the fix the message
 * gives applied, the same test talks to the model.
 */
class OkHttpGuardIT {

  private static final String OKHTTP_4 =
      """
          <dependency>
            <groupId>com.squareup.okhttp3</groupId>
            <artifactId>okhttp</artifactId>
            <version>4.12.0</version>
          </dependency>
      """;

  private HttpServer model;
  private final AtomicInteger requests = new AtomicInteger();

  /** An OpenAI-compatible server that answers "A" to everything, as a local model might. */
  @BeforeEach
  void startModel() throws IOException {
    model = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    model.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      byte[] body =
          ("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"A\"},\"finish_reason\":\"stop\"}],"
              + "\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":1,\"total_tokens\":51}}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    model.start();
  }

  @AfterEach
  void stopModel() {
    model.stop(0);
  }

  private String[] testAgainstTheModel() {
    return new String[] {
      "test", "-Dtest=AlphaAlignmentTest", "-Dhvae.model=ollama:tiny",
      "-Dhvae.ollama.base-url=http://127.0.0.1:" + model.getAddress().getPort() + "/v1"
    };
  }

  @Test
  void okHttp4DeclaredBeforeHvaeFailsTheHttpModelsTestAtOnceNamingVersionsAndFix() throws Exception {
    UserProject project = UserProject.create("okhttp4");
    declareFirst(project, OKHTTP_4);

    UserProject.Build build = project.mvn(testAgainstTheModel());

    assertThat(build.exitCode()).as(build.output()).isEqualTo(1);
    assertThat(build.output())
        .contains("HVAE's HTTP models need OkHttp 5.")
        .contains("loads OkHttp 4.12.0 from okhttp-4.12.0.jar and okio 3.6.0 from okio-jvm-3.6.0.jar")
        .contains("(Kotlin standard library 1.8.21)")
        .contains("OkHttp is on the class path 2 times (okhttp-4.12.0.jar, okhttp-jvm-5.")
        .contains("declare com.squareup.okhttp3:okhttp-jvm instead")
        .contains("<dependency><groupId>com.squareup.okhttp3</groupId><artifactId>okhttp-bom</artifactId><version>5.")
        .contains("<artifactId>okio-jvm</artifactId><version>3.");
    assertThat(requests).as("no request reaches the model on OkHttp 4").hasValue(0);
  }

  @Test
  void theFixTheMessageGivesPutsTheTestBackOnOkHttp5() throws Exception {
    UserProject project = UserProject.create("okhttp4-fixed");
    // okhttp-jvm where okhttp was, and OkHttp's BOM ahead of everything else.
    declareFirst(project, OKHTTP_4.replace("<artifactId>okhttp</artifactId>", "<artifactId>okhttp-jvm</artifactId>")
        .replace("<version>4.12.0</version>", ""));
    Path pom = project.path("pom.xml");
    // The project's <dependencyManagement> (it imports junit-bom) gets OkHttp's BOM first.
    String management = "  <dependencyManagement>\n    <dependencies>\n";
    String text = Files.readString(pom);
    assertThat(text).contains(management);
    Files.writeString(pom, text.replace(management, management + """
              <dependency>
                <groupId>com.squareup.okhttp3</groupId>
                <artifactId>okhttp-bom</artifactId>
                <version>%s</version>
                <type>pom</type>
                <scope>import</scope>
              </dependency>
        """.formatted(okHttpVersionOfThisBuild())));

    UserProject.Build build = project.mvn(testAgainstTheModel());

    assertThat(build.output()).doesNotContain("HVAE's HTTP models need OkHttp").doesNotContain("NoSuchMethodError");
    assertThat(requests.get()).as(build.output()).isPositive();
    JsonNode report = new ObjectMapper().readTree(project.path("target/hvae/hvae-report.json").toFile());
    assertThat(report.path("evaluations")).hasSize(2).allSatisfy(e -> {
      assertThat(e.path("model").asText()).isEqualTo("ollama:tiny");
      assertThat(e.path("verdict").asText()).as(e.toString()).isIn("PASSED", "FAILED");
    });
  }

  private static void declareFirst(UserProject project, String dependency) throws IOException {
    Path pom = project.path("pom.xml");
    String text = Files.readString(pom);
    // The project's own dependencies (^ and two spaces: not those of its <dependencyManagement>).
    assertThat(text).containsPattern("(?m)^  <dependencies>\n");
    Files.writeString(pom, text.replaceFirst("(?m)^  <dependencies>\n", java.util.regex.Matcher.quoteReplacement("  <dependencies>\n" + dependency)));
  }

  /** The OkHttp hvae-junit is built with, as its filtered version resource says. */
  private static String okHttpVersionOfThisBuild() throws IOException {
    java.util.Properties properties = new java.util.Properties();
    try (var in = OkHttpGuardIT.class.getResourceAsStream("/io/github/hvae/report/hvae-version.properties")) {
      properties.load(in);
    }
    return properties.getProperty("okhttp");
  }
}
