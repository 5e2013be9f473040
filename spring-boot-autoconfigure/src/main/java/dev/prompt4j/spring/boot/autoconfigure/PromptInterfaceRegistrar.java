package dev.prompt4j.spring.boot.autoconfigure;

import java.beans.Introspector;
import java.util.ArrayList;
import java.util.List;
import dev.prompt4j.PromptRuntime;
import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.FactoryBean;
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
    List<Class<?>> types = new ArrayList<>();
    for (String name : PromptInterfaces.indexed(classLoader)) {
      try {
        types.add(ClassUtils.forName(name, classLoader));
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("The Prompt4j index " + PromptInterfaces.INDEX + " names " + name
            + ", which cannot be loaded: rebuild the module that declared it", e);
      }
    }
    List<Class<?>> taken = registry instanceof ListableBeanFactory beans ? typesOfBeans(beans) : new ArrayList<>();
    for (Class<?> type : types) {
      if (isAny(type, taken)) {
        continue; // the application's own bean of this interface wins (or that of a sub-interface registered here)
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
      taken.add(type);
    }
  }

  /**
   * The types of the beans {@code beans} has so far, as {@code getBeanNamesForType(type, true, false)}
   * matches them (predicted, no bean made): one pass over the bean definitions, where a lookup per
   * prompt interface went over all of them for each.
   */
  static List<Class<?>> typesOfBeans(ListableBeanFactory beans) {
    List<Class<?>> types = new ArrayList<>();
    for (String name : beans.getBeanNamesForType(Object.class, true, false)) {
      Class<?> type = beans.getType(name, false);
      if (type != null) {
        types.add(type);
      }
      if (!name.startsWith(BeanFactory.FACTORY_BEAN_PREFIX) && beans.isTypeMatch(BeanFactory.FACTORY_BEAN_PREFIX + name, FactoryBean.class)) {
        types.add(beans.getType(BeanFactory.FACTORY_BEAN_PREFIX + name, false)); // the factory itself, as a lookup also matches it
      }
    }
    return types;
  }

  /** Whether a bean of one of {@code types} is a bean of {@code type}. */
  private static boolean isAny(Class<?> type, List<Class<?>> types) {
    for (Class<?> taken : types) { // no stream: run at start-up
      if (type.isAssignableFrom(taken)) {
        return true;
      }
    }
    return false;
  }
}
