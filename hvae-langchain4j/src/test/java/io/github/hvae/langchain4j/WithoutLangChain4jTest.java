package io.github.hvae.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ModelProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * A team may add this module without LangChain4j (both adapters, one library): the provider must
 * still load, or ServiceLoader would fail every provider of the run.
 */
class WithoutLangChain4jTest {

  @Test
  void theProviderLoadsAndAdaptsNothingWhereLangChain4jIsMissing() throws Exception {
    URL hvae = ModelProvider.class.getProtectionDomain().getCodeSource().getLocation();
    URL adapter = LangChain4jProvider.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {hvae, adapter}, ClassLoader.getPlatformClassLoader())) {
      assertThat(loader.getResource("dev/langchain4j/model/chat/ChatModel.class")).isNull();
      Class<?> api = loader.loadClass(ModelProvider.class.getName());

      List<?> providers = ServiceLoader.load(api, loader).stream().map(ServiceLoader.Provider::get).toList();

      Object provider = providers.stream().filter(p -> p.getClass().getName().equals(LangChain4jProvider.class.getName())).findFirst().orElseThrow();
      assertThat(api.getMethod("adapts", Class.class).invoke(provider, String.class)).isEqualTo(false);
      assertThat(api.getMethod("adapts", Class.class).invoke(provider, Runnable.class)).isEqualTo(false);
    }
  }
}
