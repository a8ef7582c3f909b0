package com.avesa.cutover.workflows.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decisions a run keeps, bounded against whoever can send it signals and updates: at most
 * {@link #MAX_REFUSED} refused decisions are kept (the rest are counted), and every text that came
 * from outside is cut to a limit with a marker saying how much was cut. Decisions that count
 * (APPROVED, REJECTED) are always kept: a gate needs only a few. Workflow-thread only.
 */
public final class ApprovalLog {
  public static final int MAX_REFUSED = 50;
  public static final int MAX_TEXT = 1_000;
  public static final int MAX_IDENTITY = 256;

  private final List<ApprovalRecord> records = new ArrayList<>();
  private int refusedKept;
  private long refusedNotKept;
  private Instant lastRefusal;

  /** Keeps {@code record} with its texts cut to their limits; a refusal past the cap is only counted. */
  public ApprovalRecord add(ApprovalRecord record) {
    ApprovalRecord bounded = bounded(record);
    if (bounded.decision() == ApprovalRecord.Decision.REFUSED) {
      lastRefusal = bounded.at();
      if (refusedKept >= MAX_REFUSED) {
        refusedNotKept++;
        return bounded;
      }
      refusedKept++;
    }
    records.add(bounded);
    return bounded;
  }

  /**
   * Takes over what an earlier run of the same workflow reported ({@link #report()}) before it
   * continued as new: the records it kept, and the count its summary line carries.
   */
  public void restore(List<ApprovalRecord> reported) {
    for (ApprovalRecord r : reported) {
      Matcher summary = r.gate() == null && r.approver() == null && r.note() != null
          ? SUMMARY.matcher(r.note()) : null;
      if (summary != null && summary.find()) {
        refusedNotKept += Long.parseLong(summary.group(1));
        lastRefusal = r.at();
      } else {
        add(r);
      }
    }
  }

  private static final Pattern SUMMARY = Pattern.compile("^(\\d+) more refused decision");

  /** The decisions kept, in order (what the rules count). */
  public List<ApprovalRecord> kept() {
    return records;
  }

  /** Refused decisions that were counted but not kept. */
  public long refusedNotKept() {
    return refusedNotKept;
  }

  /** The decisions for a report: those kept, then one REFUSED line saying how many more were not kept. */
  public List<ApprovalRecord> report() {
    if (refusedNotKept == 0) {
      return List.copyOf(records);
    }
    List<ApprovalRecord> lines = new ArrayList<>(records);
    lines.add(new ApprovalRecord(null, null, ApprovalRecord.Decision.REFUSED, null, lastRefusal, null,
        refusedNotKept + " more refused decision(s) not kept: " + (refusedKept + refusedNotKept)
            + " refused in all, the first " + MAX_REFUSED + " are listed", null));
    return List.copyOf(lines);
  }

  /** {@code record} with its gate and approver cut to {@link #MAX_IDENTITY}, reason and note to {@link #MAX_TEXT}. */
  public static ApprovalRecord bounded(ApprovalRecord r) {
    return new ApprovalRecord(cut(r.gate(), MAX_IDENTITY), cut(r.approver(), MAX_IDENTITY), r.decision(),
        cut(r.reason(), MAX_TEXT), r.at(), r.windowStart(), cut(r.note(), MAX_TEXT), r.identity());
  }

  /** {@code text} up to {@code max} characters, then {@code …[cut N chars]} when longer; null stays null. */
  public static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return text.substring(0, max) + "…[cut " + (text.length() - max) + " chars]";
  }
}
