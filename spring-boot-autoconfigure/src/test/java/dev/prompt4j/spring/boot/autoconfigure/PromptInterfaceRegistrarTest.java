package dev.prompt4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prompt4j.spring.boot.autoconfigure.prompts.Classifier;
import dev.prompt4j.spring.boot.autoconfigure.prompts.Greeter;
import dev.prompt4j.spring.boot.autoconfigure.prompts.Narrator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@link PromptInterfaceRegistrar}: an interface the application has a bean of, however that bean is
 * declared, gets none of Prompt4j's; the one pass over the bean definitions finds what a lookup per
 * interface found.
 */
class PromptInterfaceRegistrarTest {
  /** Makes a {@link Greeter}: its bean is a greeter by the object type it declares. */
  static final class GreeterFactory implements FactoryBean<Greeter> {
    @Override
    public Greeter getObject() {
      return new Prompt4jAutoConfigurationTest.OwnGreeter().ownGreeter();
    }

    @Override
    public Class<?> getObjectType() {
      return Greeter.class;
    }
  }

  @Test
  void aFactoryBeansProductAndALazyBeanOfAClassCountAsTheApplicationsOwn() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(Prompt4jAutoConfiguration.class))
        .withPropertyValues("prompt4j.providers.offline.script=offline/greeter.json")
        .withBean("greeterFactory", GreeterFactory.class)
        .withBean("lazyClassifier", Classifier.class, () -> mood -> Classifier.Mood.HAPPY, bean -> bean.setLazyInit(true))
        .run(context -> {
          assertThat(context.getBeanNamesForType(Greeter.class)).containsExactly("greeterFactory");
          assertThat(context.getBean(Greeter.class).greet("Ada")).isEqualTo("hand-written");
          assertThat(context.getBeanNamesForType(Classifier.class)).containsExactly("lazyClassifier");
          assertThat(context.getBeanNamesForType(Narrator.class)).containsExactly("narrator");
        });
  }

  @Test
  void theTypesOfTheBeansMatchAsALookupPerInterfaceDoes() {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.registerBeanDefinition("greeterFactory", new RootBeanDefinition(GreeterFactory.class));
    RootBeanDefinition lazy = new RootBeanDefinition(Greeter.class, () -> new Prompt4jAutoConfigurationTest.OwnGreeter().ownGreeter());
    lazy.setLazyInit(true);
    beans.registerBeanDefinition("lazyGreeter", lazy);
    RootBeanDefinition abstractOne = new RootBeanDefinition(GreeterFactory.class);
    abstractOne.setAbstract(true);
    beans.registerBeanDefinition("abstractGreeterFactory", abstractOne);
    beans.registerSingleton("classifier", (Classifier) mood -> Classifier.Mood.SAD);

    List<Class<?>> types = PromptInterfaceRegistrar.typesOfBeans(beans);

    for (Class<?> type : List.of(Greeter.class, Classifier.class, Narrator.class, GreeterFactory.class, FactoryBean.class)) {
      boolean lookedUp = beans.getBeanNamesForType(type, true, false).length > 0;
      assertThat(types.stream().anyMatch(type::isAssignableFrom)).as(type.getSimpleName()).isEqualTo(lookedUp);
    }
    assertThat(beans.getBeanNamesForType(Narrator.class, true, false)).isEmpty();
    assertThat(beans.getBeanNamesForType(Greeter.class, true, false)).isNotEmpty();
  }
}
