package dev.prompt4j.internal.config;

import java.util.List;

/**
 * The names configuration knows a prompt method by: {@code prompt4j.<Interface>.<method>.<setting>},
 * where the interface is written by its simple name or, to tell two interfaces of the same name
 * apart, by its fully qualified (canonical) name, which wins over the simple name.
 *
 * @param simpleName the interface's simple name, for example {@code Support}
 * @param qualifiedName the interface's canonical name, for example {@code com.acme.Support}
 * @param method the method name
 */
public record MethodKey(String simpleName, String qualifiedName, String method) {
  /**
   * The key prefixes of this method, most specific first: qualified method, simple method, qualified
   * interface, simple interface, global.
   *
   * @return the prefixes, each ending in a dot
   */
  public List<String> prefixes() {
    String p = Setting.PREFIX;
    if (qualifiedName.equals(simpleName)) { // an interface in the unnamed package
      return List.of(p + simpleName + "." + method + ".", p + simpleName + ".", p);
    }
    return List.of(p + qualifiedName + "." + method + ".", p + simpleName + "." + method + ".", p + qualifiedName + ".", p + simpleName + ".", p);
  }

  /**
   * The keys of {@code name} for this method, most specific first.
   *
   * @param name a setting name
   * @return the keys
   */
  public List<String> keys(String name) {
    return prefixes().stream().map(prefix -> prefix + name).toList();
  }
}
