package io.paperpulse.cli.streams;

import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.TaggerConfig;
import io.paperpulse.tagging.TaxonomyMode;
import io.paperpulse.tagging.topic.Taxonomy;
import io.paperpulse.tagging.topic.TaxonomyParseResult;
import io.paperpulse.tagging.topic.TaxonomyParser;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --taxonomy FILE [--taxonomy-mode extend|replace]}: which topics the tagger knows. */
public final class TaxonomyOptions {

  @Option(
      names = "--taxonomy",
      paramLabel = "FILE",
      description =
          "Taxonomy file (tab-separated: name, aliases, acronyms, parent; see docs/tagging.md). "
              + "Default: the shipped taxonomy only.")
  private Path file;

  @Option(
      names = "--taxonomy-mode",
      paramLabel = "MODE",
      defaultValue = "extend",
      converter = ModeConverter.class,
      description =
          "extend: add the file's topics to the shipped ones; replace: use the file alone "
              + "(default: ${DEFAULT-VALUE}).")
  private TaxonomyMode mode;

  /**
   * Reads the taxonomy file, if any; problems come back as data so the command can exit with bad
   * input.
   */
  public TaggerLoad load() {
    if (file == null) {
      return new TaggerLoad.Ready(PaperTagger.withDefaultTaxonomy());
    }
    TaxonomyParseResult parsed;
    try {
      parsed = TaxonomyParser.parse(file);
    } catch (NoSuchFileException e) {
      return rejected(file + ": no such file");
    } catch (IOException e) {
      return rejected(file + ": cannot read: " + e.getMessage());
    }
    if (!parsed.isValid()) {
      return new TaggerLoad.Rejected(parsed.problems());
    }
    if (mode == TaxonomyMode.REPLACE) {
      return create(parsed.taxonomy());
    }
    Taxonomy shipped = Taxonomy.defaultTaxonomy();
    try {
      List<String> unknownParents = OverlayParents.unknownParents(file, shipped, parsed.taxonomy());
      if (!unknownParents.isEmpty()) {
        return new TaggerLoad.Rejected(unknownParents);
      }
    } catch (IOException e) {
      return rejected(file + ": cannot read: " + e.getMessage());
    }
    return create(shipped.extendedBy(parsed.taxonomy()));
  }

  private TaggerLoad create(Taxonomy taxonomy) {
    try {
      return new TaggerLoad.Ready(PaperTagger.create(taxonomy, TaggerConfig.DEFAULT));
    } catch (IllegalArgumentException e) {
      // Anything else only the compiled taxonomy detects; its message names the topic.
      return rejected(file + ": " + e.getMessage());
    }
  }

  private static TaggerLoad rejected(String problem) {
    return new TaggerLoad.Rejected(List.of(problem));
  }

  static final class ModeConverter implements ITypeConverter<TaxonomyMode> {
    @Override
    public TaxonomyMode convert(String value) {
      try {
        return TaxonomyMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a taxonomy mode (expected extend or replace)");
      }
    }
  }
}
