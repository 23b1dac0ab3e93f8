package dev.origincloudregions.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The jars as users get them, checked after {@code package} (failsafe): the main jar's manifest names a
 * stable module and the real version and carries the licence; the sources and Javadoc jars exist, and
 * the Javadoc documents the public API only.
 */
class PackagingIT {
  private static final String VERSION = System.getProperty("sdk.version");
  private static final Path TARGET = Path.of("target");
  private static final String NAME = System.getProperty("sdk.finalName");

  private static List<String> entries(JarFile jar) {
    return Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
  }

  @Test
  void theMainJarNamesItsModuleAndVersionAndCarriesTheLicence() throws IOException {
    try (JarFile jar = new JarFile(TARGET.resolve(NAME + ".jar").toFile())) {
      Manifest manifest = jar.getManifest();
      assertThat(manifest.getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("dev.origincloudregions.sdk");
      assertThat(manifest.getMainAttributes().getValue("Implementation-Version")).isEqualTo(VERSION);
      assertThat(new String(jar.getInputStream(jar.getEntry("META-INF/LICENSE")).readAllBytes()))
          .contains("Apache License", "Version 2.0, January 2004");
      assertThat(new String(jar.getInputStream(jar.getEntry("dev/origincloudregions/sdk/version.properties")).readAllBytes()))
          .contains("version=" + VERSION);
      assertThat(entries(jar)).as("generated code lives under internal")
          .filteredOn(e -> e.endsWith(".class") && e.contains("/generated/"))
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e).startsWith("dev/origincloudregions/sdk/internal/generated/"));
    }
  }

  @Test
  void theSourcesJarHoldsTheHandWrittenAndTheGeneratedSources() throws IOException {
    try (JarFile jar = new JarFile(TARGET.resolve(NAME + "-sources.jar").toFile())) {
      assertThat(entries(jar)).contains(
          "dev/origincloudregions/sdk/OriginCloudRegions.java",
          "dev/origincloudregions/sdk/internal/generated/api/OriginCloudRegionsApi.java");
    }
  }

  @Test
  void theJavadocJarDocumentsThePublicApiOnly() throws IOException {
    try (JarFile jar = new JarFile(TARGET.resolve(NAME + "-javadoc.jar").toFile())) {
      List<String> entries = entries(jar);
      assertThat(entries).contains(
          "dev/origincloudregions/sdk/OriginCloudRegions.html",
          "dev/origincloudregions/sdk/OriginCloudRegions.Builder.html",
          "dev/origincloudregions/sdk/SyncPlan.html",
          "dev/origincloudregions/sdk/ZoneFullException.html");
      assertThat(entries).noneMatch(e -> e.contains("/internal/"));
    }
  }

  @Test
  void theRepositoryHasTheApacheLicenceAndThePomsNameIt() throws IOException {
    Path root = Path.of("..");
    assertThat(Files.readString(root.resolve("LICENSE"))).contains("Apache License", "Version 2.0, January 2004");
    assertThat(Files.readString(root.resolve("pom.xml")))
        .contains("<name>Apache License, Version 2.0</name>", "<url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>");
  }
}
