package dev.prompt4j.spring.boot.autoconfigure;

import org.springframework.aot.generate.GenerationContext;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.aot.BeanRegistrationCode;
import org.springframework.beans.factory.aot.BeanRegistrationCodeFragmentsDecorator;
import org.springframework.beans.factory.aot.InstanceSupplierCodeGenerator;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.javapoet.ClassName;
import org.springframework.javapoet.CodeBlock;

/**
 * Spring's AOT processing of the prompt beans {@link PromptInterfaceRegistrar} registers: they carry
 * an instance supplier (made without reflection at start-up), which Spring's default code generation
 * refuses, so the code written is that of their factory method, {@link PromptInterfaces#create}, as
 * for any factory-method bean. Registered in {@code META-INF/spring/aot.factories}.
 */
final class PromptBeanAotProcessor implements BeanRegistrationAotProcessor {
  PromptBeanAotProcessor() {}

  @Override
  public BeanRegistrationAotContribution processAheadOfTime(RegisteredBean bean) {
    if (!Boolean.TRUE.equals(bean.getMergedBeanDefinition().getAttribute(PromptInterfaceRegistrar.PROMPT_BEAN))) {
      return null;
    }
    return BeanRegistrationAotContribution.withCustomCodeFragments(fragments -> new BeanRegistrationCodeFragmentsDecorator(fragments) {
      @Override
      public ClassName getTarget(RegisteredBean registeredBean) {
        return ClassName.get(PromptInterfaces.class); // the factory method's class
      }

      @Override
      public CodeBlock generateInstanceSupplierCode(GenerationContext context, BeanRegistrationCode code, boolean allowDirectSupplierShortcut) {
        return new InstanceSupplierCodeGenerator(context, code.getClassName(), code.getMethods(), allowDirectSupplierShortcut)
            .generateCode(bean, bean.resolveInstantiationDescriptor());
      }
    });
  }
}
