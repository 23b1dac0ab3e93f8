package dev.origincloudregions.server;

import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How both command-line programs (this server's and the conformance runner's) read an option's value with picocli.
 *
 * <p>A value may begin with '-': a token can ({@code --token -hZq…}), and picocli would otherwise read "-h…" or
 * "-V…" as its own short options and report the value missing, whether written {@code --token -h…} or
 * {@code --token=-h…}. So {@link #configure} lets picocli take such a value, and {@link #refuseOptionAsValue} still
 * refuses, before parsing, a value that is exactly the name of an option ({@code --port --token T}): that is a
 * forgotten value, reported as picocli reports it.
 */
public final class CommandLines {
  private CommandLines() {}

  /** Lets an option take a value that begins with '-'; returns {@code commandLine}. */
  public static CommandLine configure(CommandLine commandLine) {
    return commandLine.setAllowOptionsAsOptionParameters(true);
  }

  /**
   * Throws picocli's missing-value error when an option that needs a value is followed by the name of an option.
   */
  public static void refuseOptionAsValue(CommandLine commandLine, String[] args) {
    CommandSpec spec = commandLine.getCommandSpec();
    for (int i = 0; i + 1 < args.length; i++) {
      OptionSpec option = spec.findOption(args[i]);
      if (option != null && option.arity().min() > 0 && spec.findOption(args[i + 1]) != null) {
        throw new MissingParameterException(commandLine, option,
            "Expected parameter for option '" + option.longestName() + "' but found '" + args[i + 1] + "'");
      }
      if ("--".equals(args[i])) {
        return;
      }
    }
  }
}
