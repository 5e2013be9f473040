package dev.prompt4j.test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the tests of one class did with recordings: the prompt versions each method ran with, the
 * recordings used and written. From it come the stale recordings: those of a method that ran, made
 * for a prompt version it no longer has, and not used.
 */
final class RecordingLedger {
  private final Map<String, Set<String>> versions = new ConcurrentHashMap<>(); // "Interface\0method" -> versions seen
  private final Set<Path> used = ConcurrentHashMap.newKeySet();
  private final Set<Path> written = ConcurrentHashMap.newKeySet();

  void ran(String interfaceName, String method, String promptVersion) {
    if (interfaceName == null || method == null) return;
    versions.computeIfAbsent(interfaceName + '\u0000' + method, k -> ConcurrentHashMap.newKeySet())
        .add(promptVersion == null ? "" : promptVersion);
  }

  void used(Path file) {
    used.add(file.toAbsolutePath().normalize());
  }

  void written(Path file) {
    written.add(file.toAbsolutePath().normalize());
  }

  List<Path> written() {
    return new ArrayList<>(new TreeSet<>(written));
  }

  /** The stale recordings, each with a line saying why, sorted by file. */
  Map<Path, String> stale(Cassettes cassettes) {
    Map<Path, String> stale = new LinkedHashMap<>();
    for (String key : new TreeSet<>(versions.keySet())) {
      String interfaceName = key.substring(0, key.indexOf('\u0000'));
      String method = key.substring(key.indexOf('\u0000') + 1);
      Set<String> now = versions.get(key);
      for (Cassettes.Recording r : cassettes.all(interfaceName, method)) {
        Path file = r.file().toAbsolutePath().normalize();
        String recorded = r.promptVersion() == null ? "" : r.promptVersion();
        if (!now.contains(recorded) && !used.contains(file) && !written.contains(file)) {
          stale.put(r.file(), interfaceName + "." + method + ": " + r.file() + " was recorded for prompt version " + recorded
              + "; the method now runs as " + new TreeSet<>(now) + " (its template, models or parameters changed)");
        }
      }
    }
    return stale;
  }
}
