package io.paperpulse.streams.buckets;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Calendar bucket sizes. Buckets are half-open UTC date ranges [start, end); weeks follow ISO
 * (Monday start). The label is what appears in topic keys and values ("day", "week", ...); the code
 * is what state store keys hold, fixed per granularity so that reordering or adding granularities
 * never changes the meaning of stored keys.
 */
public enum Granularity {
  DAY("day", 0, 1) {
    @Override
    public LocalDate bucketStart(LocalDate day) {
      return day;
    }

    @Override
    public LocalDate bucketEnd(LocalDate start) {
      return start.plusDays(1);
    }
  },
  WEEK("week", 1, 7) {
    @Override
    public LocalDate bucketStart(LocalDate day) {
      return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    @Override
    public LocalDate bucketEnd(LocalDate start) {
      return start.plusWeeks(1);
    }
  },
  MONTH("month", 2, 0) {
    @Override
    public LocalDate bucketStart(LocalDate day) {
      return day.withDayOfMonth(1);
    }

    @Override
    public LocalDate bucketEnd(LocalDate start) {
      return start.plusMonths(1);
    }
  },
  YEAR("year", 3, 0) {
    @Override
    public LocalDate bucketStart(LocalDate day) {
      return day.withDayOfYear(1);
    }

    @Override
    public LocalDate bucketEnd(LocalDate start) {
      return start.plusYears(1);
    }
  };

  /** The granularities used when none are configured. */
  public static final List<Granularity> DEFAULTS = List.of(DAY, WEEK, MONTH, YEAR);

  private static final Granularity[] VALUES = values();

  private final String label;
  private final byte code;

  /** The length of every bucket in days, or 0 when buckets differ in length. */
  private final int days;

  Granularity(String label, int code, int days) {
    this.label = label;
    this.code = (byte) code;
    this.days = days;
  }

  /** First day of the bucket containing {@code day}. */
  public abstract LocalDate bucketStart(LocalDate day);

  /** First day after the bucket that starts on {@code start} (exclusive end). */
  public abstract LocalDate bucketEnd(LocalDate start);

  /** First day of the bucket containing the instant, in UTC. */
  public LocalDate bucketStart(Instant instant) {
    return bucketStart(LocalDate.ofInstant(instant, ZoneOffset.UTC));
  }

  /** Start of the bucket right before the one starting on {@code start}. */
  public LocalDate previous(LocalDate start) {
    return bucketStart(start.minusDays(1));
  }

  /** Start of the bucket right after the one starting on {@code start}. */
  public LocalDate next(LocalDate start) {
    return bucketEnd(start);
  }

  /**
   * {@link #previous(LocalDate)} on epoch days: the start of the bucket right before the one
   * starting on epoch day {@code start}. Scores read a series' buckets this way, a hash probe each.
   */
  public long previous(long start) {
    return days > 0 ? start - days : previous(LocalDate.ofEpochDay(start)).toEpochDay();
  }

  /** {@link #next(LocalDate)} on epoch days. */
  public long next(long start) {
    return days > 0 ? start + days : next(LocalDate.ofEpochDay(start)).toEpochDay();
  }

  /**
   * Whether every bucket of this granularity is made of whole buckets of {@code finer}: weeks,
   * months and years are made of days, years of months, and each granularity of itself.
   */
  public boolean isMadeOf(Granularity finer) {
    return finer == this || finer == DAY || (this == YEAR && finer == MONTH);
  }

  public String label() {
    return label;
  }

  /** The byte that stands for this granularity in state store keys; never reused. */
  public byte code() {
    return code;
  }

  /** Whether {@code code} is the {@link #code()} of a granularity. */
  public static boolean isCode(byte code) {
    return code >= 0 && code < VALUES.length && VALUES[code].code == code;
  }

  /** The granularity whose {@link #code()} this is. */
  public static Granularity fromCode(byte code) {
    // read for every store key decoded; values() would copy the array each time
    if (isCode(code)) {
      return VALUES[code];
    }
    throw new IllegalArgumentException("unknown granularity code " + code);
  }

  /** The granularity with this label, case-insensitive. */
  public static Granularity fromLabel(String label) {
    String wanted = label.trim().toLowerCase(Locale.ROOT);
    for (Granularity g : values()) {
      if (g.label.equals(wanted)) {
        return g;
      }
    }
    throw new IllegalArgumentException(
        "unknown granularity '" + label + "' (expected day, week, month or year)");
  }

  /** Parses a comma-separated list such as "day,week"; order and duplicates are normalized. */
  public static List<Granularity> parseList(String commaSeparated) {
    List<Granularity> result = new ArrayList<>();
    for (String part : commaSeparated.split(",")) {
      if (!part.isBlank()) {
        Granularity g = fromLabel(part);
        if (!result.contains(g)) {
          result.add(g);
        }
      }
    }
    if (result.isEmpty()) {
      throw new IllegalArgumentException("no granularity given");
    }
    result.sort(null);
    return List.copyOf(result);
  }
}
