package io.paperpulse.tagging.topic;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A versioned list of topics. Immutable. */
public final class Taxonomy {
  static final String DEFAULT_RESOURCE = "/io/paperpulse/tagging/taxonomy.tsv";

  private final String version;
  private final List<TaxonomyEntry> entries;

  public Taxonomy(String version, List<TaxonomyEntry> entries) {
    this.version = version;
    this.entries = List.copyOf(entries);
  }

  /** The curated taxonomy shipped with paperpulse. */
  public static Taxonomy defaultTaxonomy() {
    InputStream in = Taxonomy.class.getResourceAsStream(DEFAULT_RESOURCE);
    if (in == null) {
      throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return TaxonomyParser.parse(reader, "taxonomy.tsv", "taxonomy").orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String version() {
    return version;
  }

  public List<TaxonomyEntry> entries() {
    return entries;
  }

  /**
   * This taxonomy with another one laid over it: entries of {@code overlay} replace entries with
   * the same name, new names are added. The version names both.
   */
  public Taxonomy extendedBy(Taxonomy overlay) {
    Map<String, TaxonomyEntry> byName = new LinkedHashMap<>();
    for (TaxonomyEntry entry : entries) {
      byName.put(entry.name(), entry);
    }
    for (TaxonomyEntry entry : overlay.entries) {
      byName.put(entry.name(), entry);
    }
    return new Taxonomy(version + "+" + overlay.version, new ArrayList<>(byName.values()));
  }
}
