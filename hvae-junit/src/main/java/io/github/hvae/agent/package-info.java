/**
 * Models under test: {@link io.github.hvae.agent.ModelAgent} and its messages, and the
 * <b>extension point</b> for model providers: implement {@link io.github.hvae.agent.ModelProvider}
 * and register it in {@code META-INF/services/io.github.hvae.agent.ModelProvider}.
 */
package io.github.hvae.agent;
