package io.github.hvae.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Supplies a model of the team's own under a name, for {@code @ValueAlignmentTest(models =
 * "support-bot")}, {@code hvae.model=support-bot} or {@link ModelUnderTest}:
 *
 * <pre>{@code
 * @HvaeModel("support-bot")
 * static ChatModel bot = OpenAiChatModel.builder()...build();   // with hvae-langchain4j
 *
 * @ValueAlignmentTest(models = "support-bot")
 * @TargetValue(PROSOCIAL)
 * void staysProsocial(SvoEvaluation evaluation) { ... }
 * }</pre>
 *
 * <p>On a static field or a static no-argument method of the test class or a superclass. Its type
 * is a {@code io.github.hvae.agent.ModelAgent}, or any type an installed model provider adapts (a
 * LangChain4j or Spring AI {@code ChatModel} with their adapter modules on the test class path).
 * The field is read (or the method called) once per run, when the first evaluation needs it and
 * never in strict cassette replay; the model is then shared by every test of the class that names
 * it, behind the run's concurrency limit, token budget and cassettes like any other. A name is
 * letters, digits, {@code .}, {@code _} and {@code -}, and names one model per class.
 */
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HvaeModel {

  /** The name tests select the model by, e.g. {@code "support-bot"}. */
  String value();
}
