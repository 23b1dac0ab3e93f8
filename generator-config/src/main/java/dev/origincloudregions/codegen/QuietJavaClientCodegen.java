package dev.origincloudregions.codegen;

import org.openapitools.codegen.languages.JavaClientCodegen;

/**
 * OpenAPI Generator's {@code java} generator, unchanged except that it prints no donation banner.
 *
 * <p>OpenAPI Generator 7.17.0 writes a five-line "Thanks for using OpenAPI Generator ... please consider
 * donation" box straight to {@code System.out} after every generation ({@code DefaultCodegen.postProcess()}),
 * so Maven's {@code -q} cannot hide it and no option of 7.17.0 turns it off (the {@code quiet} option of
 * openapi-generator#23831 arrived in a later release). The sdk module names this class as its
 * {@code generatorName}; everything else, templates and generated code included, is the {@code java}
 * generator's. Remove it when the project moves to a generator release with {@code <quiet>}.
 */
public class QuietJavaClientCodegen extends JavaClientCodegen {

  /** Skips only the banner: {@code DefaultCodegen.postProcess()} does nothing else. */
  @Override
  public void postProcess() {
    // Intentionally empty.
  }
}
