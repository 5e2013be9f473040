package dev.prompt4j.spring.boot.autoconfigure;

import java.beans.Introspector;
import org.springframework.beans.factory.BeanClassLoaderAware;
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
      String beanName = Introspector.decapitalize(type.getSimpleName());
      registry.registerBeanDefinition(registry.containsBeanDefinition(beanName) ? type.getName() : beanName, bean);
    }
  }
}
