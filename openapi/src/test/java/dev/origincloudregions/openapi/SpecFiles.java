package dev.origincloudregions.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the spec and its released baseline live, and how the tests read and write copies of them. */
final class SpecFiles {

  /** The single source of truth (surefire runs with the module directory as working directory). */
  static final Path SPEC = Path.of("src/main/resources/openapi/origin-cloud-regions.yaml");

  /** The last released spec; the breaking-change gate compares {@link #SPEC} with it. */
  static final Path BASELINE = Path.of("baseline/origin-cloud-regions.yaml");

  private SpecFiles() {}

  /**
   * Reads a spec as a JSON tree the way openapi-diff's parser does: SnakeYAML with YAML anchors and
   * aliases resolved (the spec shares {@code x-cfDeprecation} through {@code &deprecation}; Jackson's
   * YAML parser would turn each alias into the string "deprecation") and no implicit timestamps.
   */
  static ObjectNode read(Path file) {
    try {
      return (ObjectNode) DeserializationUtils.readYamlTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a (possibly edited) copy of a spec as YAML. */
  static Path write(JsonNode spec, Path file) {
    try {
      new YAMLMapper().writeValue(file.toFile(), spec);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
