package io.github.hvae.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects the configured model ({@code hvae.model}) as a {@code ModelAgent}, and the run's {@link
 * HvaeConfiguration}, into ordinary tests ({@code @Test}, {@code @ParameterizedTest}, ...): for
 * scenario tests of your own that talk to the model directly.
 *
 * <pre>{@code
 * @ModelUnderTest
 * class NegotiationScenarioTest {
 *   @Test
 *   void sharesAWindfall(ModelAgent model) {
 *     ModelReply reply = model.chat(ChatRequest.of(List.of(ChatMessage.user("..."))));
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>The agent belongs to the run (shared, rate-limited, closed at the end); do not close it.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@ExtendWith({ModelAvailableCondition.class, ModelUnderTestExtension.class})
public @interface ModelUnderTest {}
