/**
 * Deciding a figure cell from several OCR readings: the stacked digit pass, single-line retries, the chi_sim pass
 * (which reads lone digits surprisingly well) and the stroke shape of a 1. One confident reading is not enough when
 * another pass read something else: a clean 0 came back as "4" at confidence 30 from a retry, while the stacked pass
 * and chi_sim both read 0. Such a cell is decided by agreement, or left doubtful (unreadable, never guessed).
 */

export interface Reading {
  /** Digits (and a decimal point) only; '' when the pass read nothing. */
  text: string;
  /** Tesseract's confidence, 0–100 (0 when the pass gives none). */
  conf: number;
  /**
   * Which model read it. `chi_sim` may drop a digit ("11" read as 1 at confidence 68), so it can confirm a digit or
   * shape reading but never decide a cell alone. Default `digits`.
   */
  model?: 'digits' | 'chi_sim' | 'shape';
}

export interface Decision {
  /** The best-supported reading ('' when nothing was read). Doubtful decisions still carry it, for the checks. */
  text: string;
  conf: number;
  doubtful: boolean;
}

/** One reading at this confidence or above stands alone unless another pass disagrees (then it needs a vote). */
const CONFIDENT = 60;
/** Below this, a lone reading is a guess even when nothing contradicts it. */
const PLAUSIBLE = 30;
/** Below this a reading is noise: it may name the cell's text when nothing better exists, but it never votes. */
const VOTE = 10;

export function decide(readings: Reading[]): Decision {
  const byText = new Map<string, { votes: number; conf: number }>();
  for (const r of readings) {
    if (r.text === '') continue;
    const v = byText.get(r.text) ?? { votes: 0, conf: 0 };
    if (r.conf >= VOTE) v.votes++;
    v.conf = Math.max(v.conf, r.conf);
    byText.set(r.text, v);
  }
  const support = (text: string) => readings.some((r) => r.text === text && (r.model ?? 'digits') !== 'chi_sim');
  const ranked = [...byText.entries()].sort((a, b) => b[1].votes - a[1].votes || b[1].conf - a[1].conf);
  const [best, second] = ranked;
  if (!best) return { text: '', conf: 0, doubtful: true };
  const [text, { votes, conf }] = best;
  const contested = second !== undefined;
  const outvotes = !contested || votes > second[1].votes;
  const accepted = outvotes && support(text) && (votes >= 2 || conf >= CONFIDENT || (conf >= PLAUSIBLE && !contested));
  return { text, conf, doubtful: !accepted };
}

/** True when no further pass can change the decision's acceptance for the better. */
export function settled(readings: Reading[]): boolean {
  return !decide(readings).doubtful;
}
