// Japanese official dates: 令和7年8月7日（木）, fiscal years as 令和6年度, fuzzy plans as 9月中旬.
import { lang } from './i18n.js';
import { h } from './dom.js';

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ERAS = [
  { name: '令和', en: 'R', start: [2019, 5, 1], base: 2018 },
  { name: '平成', en: 'H', start: [1989, 1, 8], base: 1988 },
  { name: '昭和', en: 'S', start: [1926, 12, 25], base: 1925 },
];

/** [year, month, day] of a YYYY-MM-DD business date, or null. */
export function parts(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

function eraOf([y, m, d]) {
  const key = y * 10000 + m * 100 + d;
  return ERAS.find(e => key >= e.start[0] * 10000 + e.start[1] * 100 + e.start[2]) || ERAS[ERAS.length - 1];
}

function eraYear(era, y) {
  const n = y - era.base;
  return n === 1 ? '元' : String(n);
}

function weekday([y, m, d]) {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** 令和7年8月7日（木） (or "Thu 7 Aug 2025" in English). */
export function warekiDate(iso) {
  const p = parts(iso);
  if (!p) return '';
  if (lang() === 'en') return `${WEEKDAYS_EN[weekday(p)]} ${p[2]} ${MONTHS_EN[p[1] - 1]} ${p[0]}`;
  const era = eraOf(p);
  return `${era.name}${eraYear(era, p[0])}年${p[1]}月${p[2]}日（${WEEKDAYS_JA[weekday(p)]}）`;
}

/** Short form for dense tables: 8/7（木）. The full date is on hover and for screen readers. */
export function shortDate(iso) {
  const p = parts(iso);
  if (!p) return '';
  if (lang() === 'en') return `${p[2]} ${MONTHS_EN[p[1] - 1]}`;
  return `${p[1]}/${p[2]}（${WEEKDAYS_JA[weekday(p)]}）`;
}

/** A <time> element: the Japanese date shown, the Gregorian one on hover. */
export function dateEl(iso, short = false) {
  if (!iso) return '';
  return h('time', { datetime: iso, title: iso, 'aria-label': warekiDate(iso) }, short ? shortDate(iso) : warekiDate(iso));
}

/** 令和6年度 for 2024 (April 2024 to March 2025); FY2019 is 令和元年度. */
export function fiscalYearLabel(fy) {
  if (!fy) return '';
  if (lang() === 'en') return `FY${fy}`;
  if (fy >= 2019) return `令和${fy === 2019 ? '元' : fy - 2018}年度`;
  return `平成${fy - 1988}年度`;
}

const PARTS_JA = { EARLY: '上旬', MID: '中旬', LATE: '下旬', AROUND: '頃' };
const PARTS_EN = { EARLY: 'early', MID: 'mid', LATE: 'late', AROUND: 'around' };

/** 9月中旬 (or "mid Sep 2025"). */
export function periodLabel(period) {
  if (!period) return '';
  if (lang() === 'en') return `${PARTS_EN[period.part] || ''} ${MONTHS_EN[period.month - 1]} ${period.year}`.trim();
  return `${period.month}月${PARTS_JA[period.part] || ''}`;
}

export function periodEl(period) {
  if (!period) return '';
  return h('span', { title: `${period.year}-${String(period.month).padStart(2, '0')} ${period.part}` }, periodLabel(period));
}

/** An instant (UTC) as Tokyo local date and time, 令和8年11月23日（月） 18:28. */
export function instantLabel(instant) {
  if (!instant) return '';
  const t = new Date(instant);
  const tokyo = new Date(t.getTime() + 9 * 3600 * 1000);
  const iso = tokyo.toISOString();
  return `${warekiDate(iso.slice(0, 10))} ${iso.slice(11, 19)}`;
}

export function instantEl(instant) {
  if (!instant) return '';
  return h('time', { datetime: instant, title: instant }, instantLabel(instant));
}

export function yen(amount) {
  if (amount === null || amount === undefined) return '';
  return lang() === 'en' ? `¥${Number(amount).toLocaleString('en-US')}` : `${Number(amount).toLocaleString('ja-JP')}円`;
}

export function time(t) {
  return t ? String(t).slice(0, 5) : '';
}

/** Today's business date in Tokyo, YYYY-MM-DD. */
export function today() {
  return new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The fiscal year a business date falls in (April to March). */
export function fiscalYearOf(iso) {
  const [y, m] = parts(iso);
  return m >= 4 ? y : y - 1;
}

export function addDays(iso, days) {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Monday and Sunday of the week of a date. */
export function weekOf(iso) {
  const wd = weekday(parts(iso));
  const monday = addDays(iso, wd === 0 ? -6 : 1 - wd);
  return [monday, addDays(monday, 6)];
}
