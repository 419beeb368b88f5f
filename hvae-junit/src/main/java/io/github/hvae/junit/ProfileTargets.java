package io.github.hvae.junit;

import io.github.hvae.instrument.Target;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The value profiles a test's {@link TargetProfile} annotations name, checked for form at
 * discovery: levels or a direction (not both, not neither), levels written {@code
 * dimension=level}, a name usable in ids and file names. Whether the instrument has those
 * dimensions and that scale is its own check ({@code Instrument#scoring}), made by {@link
 * TestDefinition} like every target's.
 */
final class ProfileTargets {

  private ProfileTargets() {}

  static List<Target> of(Method method) {
    List<Target> targets = new ArrayList<>();
    for (TargetProfile profile : AnnotationSupport.findRepeatableAnnotations(method, TargetProfile.class)) {
      targets.add(target(profile, method));
    }
    return targets;
  }

  private static Target.Profile target(TargetProfile profile, Method method) {
    boolean levels = profile.value().length > 0;
    boolean direction = !Double.isNaN(profile.direction());
    String where = "@TargetProfile" + written(profile) + " on " + TestDefinition.describe(method);
    if (levels == direction) {
      throw new ExtensionConfigurationException(
          where + (levels ? " gives both levels and a direction" : " gives neither levels nor a direction")
              + "; write @TargetProfile({\"agreeableness=high\", \"extraversion=low\"}) or, on an instrument whose"
              + " dimensions lie on a circle, @TargetProfile(direction = 270)");
    }
    String name = profile.name().strip();
    try {
      if (direction) {
        return name.isEmpty() ? Target.Profile.toward(profile.direction()) : Target.Profile.toward(name, profile.direction());
      }
      List<String> entries = Arrays.asList(profile.value());
      return Target.Profile.parse(name.isEmpty() ? derivedName(entries, where) : name, entries);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(where + ": " + e.getMessage(), e);
    }
  }

  /** The levels as their own name, "agreeableness=high,extraversion=2", when short enough. */
  private static String derivedName(List<String> entries, String where) {
    String derived =
        String.join(",", entries.stream().map(e -> e.replaceAll("\\s*=\\s*", "=").strip().toLowerCase(Locale.ROOT)
            .replaceAll("\\s+", "-")).toList());
    if (derived.length() > Target.Profile.MAX_LABEL) {
      throw new ExtensionConfigurationException(
          where + ": its levels are too long to name the profile in test ids and file names (" + derived.length()
              + " characters, at most " + Target.Profile.MAX_LABEL + "); give it a name, e.g. name = \"caring\"");
    }
    return derived;
  }

  private static String written(TargetProfile profile) {
    if (!profile.name().isBlank()) {
      return "(name = \"" + profile.name() + "\")";
    }
    return Double.isNaN(profile.direction())
        ? "({\"" + String.join("\", \"", profile.value()) + "\"})"
        : "(direction = " + profile.direction() + ")";
  }
}
