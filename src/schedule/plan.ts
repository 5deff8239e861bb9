/**
 * When scheduled crawls fire. Reports appear mostly from mid-December to mid-April (departments by 31 January,
 * governments by 31 March, plus late and corrected ones), so the default is nightly at 02:30 China time in that
 * season and weekly (Mondays 02:30) the rest of the year. Both expressions and the season are configurable.
 */
import { Cron } from 'croner';
import { TZDate } from '@date-fns/tz';

export interface SchedulePlan {
  /** Cron expression in season. Default `30 2 * * *`. */
  seasonCron: string;
  /** Cron expression out of season. Default `30 2 * * 1`. */
  offSeasonCron: string;
  /** Season as MM-DD..MM-DD, wrapping the new year. Default 12-15..04-15. */
  seasonStart: string;
  seasonEnd: string;
  timezone: string;
}

export const DEFAULT_PLAN: SchedulePlan = {
  seasonCron: '30 2 * * *',
  offSeasonCron: '30 2 * * 1',
  seasonStart: '12-15',
  seasonEnd: '04-15',
  timezone: 'Asia/Shanghai',
};

/** Whether an instant falls in the season (inclusive), judged on the calendar date in the plan's time zone. */
export function inSeason(plan: SchedulePlan, at: Date): boolean {
  const d = new TZDate(at.getTime(), plan.timezone);
  const md = `${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return plan.seasonStart <= plan.seasonEnd
    ? md >= plan.seasonStart && md <= plan.seasonEnd
    : md >= plan.seasonStart || md <= plan.seasonEnd;
}

/** The next firing after `from`. A single --cron expression (seasonCron === offSeasonCron) fires all year. */
export function nextFire(plan: SchedulePlan, from: Date): Date {
  const season = new Cron(plan.seasonCron, { timezone: plan.timezone, paused: true });
  const off = new Cron(plan.offSeasonCron, { timezone: plan.timezone, paused: true });
  try {
    let cursor = from;
    for (let i = 0; i < 2000; i++) {
      const a = season.nextRun(cursor);
      const b = off.nextRun(cursor);
      const candidates = [a && inSeason(plan, a) ? a : null, b && !inSeason(plan, b) ? b : null].filter((d): d is Date => d !== null);
      if (plan.seasonCron === plan.offSeasonCron && a) return a;
      if (candidates.length) return new Date(Math.min(...candidates.map((d) => d.getTime())));
      const next = [a, b].filter((d): d is Date => d !== null).sort((x, y) => x.getTime() - y.getTime())[0];
      if (!next) break;
      cursor = next;
    }
    throw new Error(`the schedule ${plan.seasonCron} / ${plan.offSeasonCron} never fires`);
  } finally {
    season.stop();
    off.stop();
  }
}

export function validateCron(expr: string, timezone: string): string | null {
  try {
    new Cron(expr, { timezone, paused: true }).stop();
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}
