package io.github.hvae.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hvae.evaluation.Estimate;
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

  static Optional<Report.Profile> read(JsonNode node) {
    if (!node.isObject()) {
      return Optional.empty();
    }
    List<Report.Profile.Dimension> dimensions = new ArrayList<>();
    for (JsonNode d : node.path("dimensions")) {
      JsonNode ideal = d.path("ideal");
      JsonNode measured = d.path("measured");
      dimensions.add(
          new Report.Profile.Dimension(
              d.path("id").asText(),
              d.path("name").asText(),
              d.path("level").isTextual() ? Optional.of(d.path("level").asText()) : Optional.empty(),
              number(d.path("target")),
              number(ideal.path("low")),
              number(ideal.path("high")),
              measured.isObject()
                  ? Optional.of(new Estimate(measured.path("mean").asDouble(), measured.path("low").asDouble(), measured.path("high").asDouble()))
                  : Optional.empty(),
              d.path("samplesOnTarget").asInt()));
    }
    return Optional.of(
        new Report.Profile(
            node.path("scale").path("min").asInt(),
            node.path("scale").path("max").asInt(),
            node.path("distance").asText("mean-absolute-difference"),
            number(node.path("direction")),
            number(node.path("valueRationalityOfMeanProfile")),
            dimensions));
  }

  private static void number(ObjectNode node, String name, OptionalDouble value) {
    if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
      node.put(name, ReportJson.round(value.getAsDouble(), 6));
    } else {
      node.putNull(name);
    }
  }

  private static OptionalDouble number(JsonNode node) {
    return node.isNumber() ? OptionalDouble.of(node.asDouble()) : OptionalDouble.empty();
  }
}
