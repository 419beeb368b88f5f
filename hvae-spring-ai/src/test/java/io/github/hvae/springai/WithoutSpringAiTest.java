package io.github.hvae.springai;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hvae.agent.ModelProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * A team may add this module without Spring AI (both adapters, one library): the provider must
 * still load, or ServiceLoader would fail every provider of the run.
 */
class WithoutSpringAiTest {

  @Test
  void theProviderLoadsAndAdaptsNothingWhereSpringAiIsMissing() throws Exception {
    URL hvae = ModelProvider.class.getProtectionDomain().getCodeSource().getLocation();
    URL adapter = SpringAiProvider.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {hvae, adapter}, ClassLoader.getPlatformClassLoader())) {
      assertThat(loader.getResource("org/springframework/ai/chat/model/ChatModel.class")).isNull();
      Class<?> api = loader.loadClass(ModelProvider.class.getName());

      List<?> providers = ServiceLoader.load(api, loader).stream().map(ServiceLoader.Provider::get).toList();

      Object provider = providers.stream().filter(p -> p.getClass().getName().equals(SpringAiProvider.class.getName())).findFirst().orElseThrow();
      assertThat(api.getMethod("adapts", Class.class).invoke(provider, String.class)).isEqualTo(false);
      assertThat(api.getMethod("adapts", Class.class).invoke(provider, Runnable.class)).isEqualTo(false);
    }
  }
}
