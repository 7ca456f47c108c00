package io.paperpulse.producer.generate;

import io.paperpulse.schema.PaperEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An endless, deterministic stream of synthetic paper events for load tests, benchmarks and crash
 * tests: inserts of new papers with arXiv-style ids, updates of earlier live papers (new abstract,
 * date or upvotes) and deletes of earlier live papers, in the shares the settings ask for. The same
 * settings always yield the same events. Not thread-safe.
 *
 * <p>Updates and deletes need live papers to act on, so while none exist (the very first event) the
 * event is an insert; the shares are therefore met from the second event on.
 */
public final class PaperGenerator {

  // Upvotes: most papers get none or a handful, a few get hundreds (Pareto tail).
  private static final double NO_UPVOTES_SHARE = 0.45;
  private static final double UPVOTE_PARETO_ALPHA = 1.1;
  private static final int MAX_UPVOTES = 3000;
  private static final int MAX_IDS_PER_MONTH = 99_999;

  private final GeneratorSettings settings;
  private final SplittableRandom random;
  private final PaperComposer composer;
  private final int spanDays;

  // Live papers in a list for uniform random choice, with an index for O(1) removal by swapping.
  private final List<PaperState> live = new ArrayList<>();
  private final Map<String, Integer> liveIndex = new HashMap<>();
  private final Set<String> deleted = new HashSet<>();
  private final Map<Integer, Integer> lastNumberByMonth = new HashMap<>();
  private long sequence;
  private long inserts;
  private long updates;
  private long deletes;

  public PaperGenerator(GeneratorSettings settings) {
    this(settings, ResearchVocabulary.load());
  }

  public PaperGenerator(GeneratorSettings settings, ResearchVocabulary vocabulary) {
    this.settings = settings;
    this.random = new SplittableRandom(settings.seed());
    this.composer = new PaperComposer(vocabulary, settings.burst());
    this.spanDays = (int) (settings.to().toEpochDay() - settings.from().toEpochDay()) + 1;
  }

  public GeneratorSettings settings() {
    return settings;
  }

  public GeneratedEvent next() {
    long seq = sequence++;
    double roll = random.nextDouble();
    if (!live.isEmpty() && roll < settings.deleteShare()) {
      return delete(seq);
    }
    if (!live.isEmpty() && roll < settings.deleteShare() + settings.updateShare()) {
      return update(seq);
    }
    return insert(seq);
  }

  public long inserts() {
    return inserts;
  }

  public long updates() {
    return updates;
  }

  public long deletes() {
    return deletes;
  }

  /**
   * A snapshot of the expected final topic content after the events generated so far; costs O(live
   * papers).
   */
  public GeneratedState state() {
    Map<String, PaperState> byId = new HashMap<>();
    live.forEach(s -> byId.put(s.id(), s));
    return new GeneratedState(byId, deleted, composer, settings.ingestedAt());
  }

  static Instant ingestedAt(Instant first, long sequence) {
    return first.plusMillis(sequence);
  }

  private GeneratedEvent insert(long seq) {
    LocalDate date = randomDate();
    PaperState state =
        new PaperState(
            newId(date),
            random.nextLong(),
            random.nextLong(),
            date,
            randomUpvotes(),
            randomAuthorCount(),
            seq);
    liveIndex.put(state.id(), live.size());
    live.add(state);
    inserts++;
    return new GeneratedEvent(seq, GeneratedEvent.Kind.INSERT, state.id(), compose(state));
  }

  /**
   * Changes one to three of abstract, date and upvotes, as a corrected or re-listed paper would.
   */
  private GeneratedEvent update(long seq) {
    int index = random.nextInt(live.size());
    PaperState old = live.get(index);
    int changes = 1 + random.nextInt(7); // bit mask over {abstract, date, upvotes}, never empty
    long abstractSeed = (changes & 1) != 0 ? random.nextLong() : old.abstractSeed();
    LocalDate date = (changes & 2) != 0 ? randomDate() : old.publishedOn();
    int upvotes =
        (changes & 4) != 0
            ? Math.min(MAX_UPVOTES, old.upvotes() + 1 + randomUpvotes())
            : old.upvotes();
    PaperState state =
        new PaperState(
            old.id(), old.textSeed(), abstractSeed, date, upvotes, old.authorCount(), seq);
    live.set(index, state);
    updates++;
    return new GeneratedEvent(seq, GeneratedEvent.Kind.UPDATE, state.id(), compose(state));
  }

  private GeneratedEvent delete(long seq) {
    int index = random.nextInt(live.size());
    PaperState victim = live.get(index);
    PaperState last = live.remove(live.size() - 1);
    if (index < live.size()) {
      live.set(index, last);
      liveIndex.put(last.id(), index);
    }
    liveIndex.remove(victim.id());
    deleted.add(victim.id());
    deletes++;
    return new GeneratedEvent(seq, GeneratedEvent.Kind.DELETE, victim.id(), null);
  }

  private PaperEvent compose(PaperState state) {
    return composer.compose(state, ingestedAt(settings.ingestedAt(), state.sequence()));
  }

  private LocalDate randomDate() {
    return settings.from().plusDays(random.nextInt(spanDays));
  }

  private int randomUpvotes() {
    if (random.nextDouble() < NO_UPVOTES_SHARE) {
      return 0;
    }
    double pareto = Math.pow(1 - random.nextDouble(), -1 / UPVOTE_PARETO_ALPHA);
    return (int) Math.min(MAX_UPVOTES, Math.floor(pareto));
  }

  private int randomAuthorCount() {
    // Mostly small teams, occasionally a large collaboration.
    return random.nextDouble() < 0.95 ? 1 + random.nextInt(12) : 13 + random.nextInt(40);
  }

  /**
   * A new-style arXiv id: the publication month ({@code YYMM}) and a 5-digit number counting up
   * within it. A month that runs out of numbers lends the next month's, so ids stay unique.
   */
  private String newId(LocalDate date) {
    int month = date.getYear() * 12 + date.getMonthValue() - 1;
    while (lastNumberByMonth.getOrDefault(month, 0) >= MAX_IDS_PER_MONTH) {
      month++;
    }
    int number = lastNumberByMonth.merge(month, 1, Integer::sum);
    int year = Math.floorDiv(month, 12);
    int monthOfYear = Math.floorMod(month, 12) + 1;
    return String.format("%02d%02d.%05d", Math.floorMod(year, 100), monthOfYear, number);
  }
}
