package dev.prompt4j.spring.boot.autoconfigure;

import java.beans.Introspector;
import dev.prompt4j.PromptRuntime;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers one bean per prompt interface the processor indexed ({@link PromptInterfaces#INDEX}):
 * no class-path scanning. Each bean is made by {@link PromptInterfaces#create} with the application's
 * {@link dev.prompt4j.PromptRuntime}, so it is a plain factory-method definition that Spring's AOT
 * processing turns into code. An interface the application already has a bean of (a stub, an
 * override) gets none; the bean's name is the interface's simple name, decapitalized, or its
 * qualified name when that is taken.
 */
public final class PromptInterfaceRegistrar implements ImportBeanDefinitionRegistrar, BeanClassLoaderAware {
  /** The attribute marking the bean definitions registered here. */
  static final String PROMPT_BEAN = PromptInterfaceRegistrar.class.getName() + ".promptBean";

  private ClassLoader classLoader = PromptInterfaceRegistrar.class.getClassLoader();

  /** Made by Spring through {@code @Import}. */
  public PromptInterfaceRegistrar() {}

  @Override
  public void setBeanClassLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
    for (String name : PromptInterfaces.indexed(classLoader)) {
      Class<?> type;
      try {
        type = ClassUtils.forName(name, classLoader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("The Prompt4j index " + PromptInterfaces.INDEX + " names " + name
            + ", which cannot be loaded: rebuild the module that declared it", e);
      }
      if (registry instanceof ListableBeanFactory beans && beans.getBeanNamesForType(type, true, false).length > 0) {
        continue; // the application's own bean of this interface wins
      }
      RootBeanDefinition bean = new RootBeanDefinition(PromptInterfaces.class);
      bean.setFactoryMethodName("create");
      bean.setTargetType(type);
      bean.getConstructorArgumentValues().addIndexedArgumentValue(0, type);
      bean.setAutowireMode(AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR); // the runtime, by type
      if (registry instanceof BeanFactory beans && !AotDetector.useGeneratedArtifacts()) {
        // The bean is made by this supplier rather than by Spring resolving the factory method and its
        // arguments reflectively, bean by bean; Spring's AOT processing writes code for the factory
        // method above all the same (PromptBeanAotProcessor).
        Class<?> made = type;
        bean.setInstanceSupplier(() -> PromptInterfaces.create(made, beans.getBean(PromptRuntime.class)));
        bean.setAttribute(PROMPT_BEAN, Boolean.TRUE);
      }
      String beanName = Introspector.decapitalize(type.getSimpleName());
      registry.registerBeanDefinition(registry.containsBeanDefinition(beanName) ? type.getName() : beanName, bean);
    }
  }
}
