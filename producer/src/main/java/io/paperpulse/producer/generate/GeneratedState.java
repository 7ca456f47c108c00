package io.paperpulse.producer.generate;

import io.paperpulse.schema.PaperEvent;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the papers topic holds once a generated stream is fully consumed: the latest version of
 * every paper that was not deleted, and the ids that were deleted. Tests and benchmarks recompute
 * expected tag counts from it. Paper text is rebuilt on request, so a state of millions of papers
 * stays small.
 */
public final class GeneratedState {

  private final Map<String, PaperState> live;
  private final Set<String> deleted;
  private final PaperComposer composer;
  private final Instant firstIngestedAt;

  /** Takes ownership of {@code live}; the caller must not change it afterwards. */
  GeneratedState(
      Map<String, PaperState> live,
      Set<String> deleted,
      PaperComposer composer,
      Instant firstIngestedAt) {
    this.live = Collections.unmodifiableMap(live);
    this.deleted = Set.copyOf(deleted);
    this.composer = composer;
    this.firstIngestedAt = firstIngestedAt;
  }

  public int liveCount() {
    return live.size();
  }

  public Set<String> liveIds() {
    return live.keySet();
  }

  /** Ids whose last event was a delete. */
  public Set<String> deletedIds() {
    return deleted;
  }

  /**
   * The latest version of a live paper, exactly as it was published; empty when deleted or never
   * generated.
   */
  public Optional<PaperEvent> paper(String id) {
    PaperState state = live.get(id);
    return state == null ? Optional.empty() : Optional.of(compose(state));
  }

  /** Every live paper, rebuilt one at a time. */
  public Stream<PaperEvent> livePapers() {
    return live.values().stream().map(this::compose);
  }

  /**
   * Every live paper by id; holds all their text in memory at once, meant for test-sized streams.
   */
  public Map<String, PaperEvent> finalPapers() {
    Map<String, PaperEvent> papers = new LinkedHashMap<>();
    live.values().forEach(s -> papers.put(s.id(), compose(s)));
    return papers;
  }

  private PaperEvent compose(PaperState state) {
    return composer.compose(state, PaperGenerator.ingestedAt(firstIngestedAt, state.sequence()));
  }
}
