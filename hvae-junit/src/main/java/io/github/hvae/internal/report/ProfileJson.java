package io.github.hvae.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The {@code profile} field of an evaluation in the JSON report: the scale, the distance, and per
 * dimension the target level, the ideal range and the measured mean with its interval. Written only
 * for evaluations on a rating-scale instrument.
 */
final class ProfileJson {

  private ProfileJson() {}

  static ObjectNode write(Report.Profile p) {
    ObjectNode node = ReportJson.MAPPER.createObjectNode();
    ObjectNode scale = node.putObject("scale");
    scale.put("min", p.scaleMin());
    scale.put("max", p.scaleMax());
    node.put("distance", p.distance());
    number(node, "direction", p.direction());
    number(node, "valueRationalityOfMeanProfile", p.valueRationalityOfMeanProfile());
    ArrayNode dimensions = node.putArray("dimensions");
    for (Report.Profile.Dimension d : p.dimensions()) {
      ObjectNode dimension = dimensions.addObject();
      dimension.put("id", d.id());
      dimension.put("name", d.name());
      if (d.level().isPresent()) {
        dimension.put("level", d.level().get());
      } else {
        dimension.putNull("level");
      }
      number(dimension, "target", d.target());
      if (d.idealLow().isPresent() && d.idealHigh().isPresent()) {
        ObjectNode ideal = dimension.putObject("ideal");
        ideal.put("low", d.idealLow().getAsDouble());
        ideal.put("high", d.idealHigh().getAsDouble());
      } else {
        dimension.putNull("ideal");
      }
      if (d.measured().isPresent()) {
        ObjectNode measured = dimension.putObject("measured");
        measured.put("mean", ReportJson.round(d.measured().get().mean(), 6));
        measured.put("low", ReportJson.round(d.measured().get().low(), 6));
        measured.put("high", ReportJson.round(d.measured().get().high(), 6));
      } else {
        dimension.putNull("measured");
      }
      dimension.put("samplesOnTarget", d.samplesOnTarget());
    }
    return node;
  }

  /**
   * The profile field as strictly as the rest of a report ({@link ReportJsonReader}): whole scale
   * points, finite numbers, text where text belongs; {@code node} is missing when the evaluation
   * has no profile.
   */
  static Optional<Report.Profile> read(JsonNode node) {
    if (node.isMissingNode()) {
      return Optional.empty();
    }
    List<Report.Profile.Dimension> dimensions = new ArrayList<>();
    int index = 0;
    for (JsonNode d : ReportJsonReader.array(node, "dimensions", "profile")) {
      String path = "profile.dimensions[" + index++ + "]";
      JsonNode ideal = ReportJsonReader.object(d, "ideal", path);
      dimensions.add(
          new Report.Profile.Dimension(
              ReportJsonReader.optionalText(d, "id", path).orElse(""),
              ReportJsonReader.optionalText(d, "name", path).orElse(""),
              ReportJsonReader.optionalText(d, "level", path),
              ReportJsonReader.optionalFinite(d, "target", path),
              ReportJsonReader.optionalFinite(ideal, "low", path + ".ideal"),
              ReportJsonReader.optionalFinite(ideal, "high", path + ".ideal"),
              ReportJsonReader.estimate(d, "measured", path, false),
              ReportJsonReader.count(d, "samplesOnTarget", path, 0)));
    }
    JsonNode scale = ReportJsonReader.object(node, "scale", "profile");
    int min = whole(scale, "min", "profile.scale");
    int max = whole(scale, "max", "profile.scale");
    if (max <= min) {
      throw new IllegalArgumentException("\"profile.scale\" runs from " + min + " to " + max + ", not to a higher max");
    }
    return Optional.of(
        new Report.Profile(
            min,
            max,
            ReportJsonReader.optionalText(node, "distance", "profile").orElse("mean-absolute-difference"),
            ReportJsonReader.optionalFinite(node, "direction", "profile"),
            ReportJsonReader.optionalFinite(node, "valueRationalityOfMeanProfile", "profile"),
            dimensions));
  }

  /** A point of the scale: a whole number of either sign. */
  private static int whole(JsonNode parent, String field, String path) {
    JsonNode value = parent.path(field);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new IllegalArgumentException(ReportJsonReader.name(path, field)
          + (value.isMissingNode() ? " is missing" : " is " + ReportJsonReader.shorten(value.toString())) + ", expected a whole number");
    }
    return value.asInt();
  }

  private static void number(ObjectNode node, String name, OptionalDouble value) {
    if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
      node.put(name, ReportJson.round(value.getAsDouble(), 6));
    } else {
      node.putNull(name);
    }
  }
}
