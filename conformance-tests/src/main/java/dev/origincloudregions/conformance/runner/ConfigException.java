package dev.origincloudregions.conformance.runner;

/** A wrong setting; its message is one line that says how to fix it. The runner exits with code 2. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
