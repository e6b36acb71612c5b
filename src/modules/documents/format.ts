/**
 * Pure formatting of what the forms print. Times arrive as the API gives them, ISO 8601 with the
 * +07:00 offset, so their date and time are already Vietnam's and are read, not converted.
 */
type LocalTime = { year: string; month: string; day: string; hour: string; minute: string };

function localTime(iso: string): LocalTime {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m || !iso.endsWith('+07:00')) throw new Error(`not a Vietnam time: ${iso}`);
  return { year: m[1], month: m[2], day: m[3], hour: m[4], minute: m[5] };
}

/**
 * "ngày 13 tháng 02 năm 2026". Decree 30/2020/NĐ-CP, Appendix I: days below 10 and the months 1 and
 * 2 take a leading zero, other months do not ("ngày 05 tháng 3 năm 2026"). Without a time, the
 * date is left as dots to be written by hand.
 */
export function dateWords(iso: string | null): string {
  if (!iso) return 'ngày … tháng … năm …';
  const t = localTime(iso);
  const month = Number(t.month) <= 2 ? t.month : String(Number(t.month));
  return `ngày ${t.day} tháng ${month} năm ${t.year}`;
}

/** "Hạ Long, ngày 13 tháng 02 năm 2026": the place and date line of a form. */
export function placeAndDate(place: string, iso: string | null): string {
  return `${place}, ${dateWords(iso)}`;
}

/** "hồi 17 giờ 00 phút, ngày 25/02/2026": the receipt and appointment times; unknown, dots. */
export function clockAndDay(iso: string | null): string {
  if (!iso) return '…';
  const t = localTime(iso);
  return `hồi ${t.hour} giờ ${t.minute} phút, ngày ${t.day}/${t.month}/${t.year}`;
}

/** "25/02/2026 17:00": a compact time for table cells. */
export function shortTime(iso: string): string {
  const t = localTime(iso);
  return `${t.day}/${t.month}/${t.year} ${t.hour}:${t.minute}`;
}

/** "13.000 đồng": amounts are integers in đồng, thousands separated by dots. */
export function dong(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}

const AGENCY_PLACE =
  /^(?:UBND|Ủy ban nhân dân)\s+(tỉnh|thành phố|phường|xã|đặc khu|thị trấn|thị xã|quận|huyện)\s+(.+)$/iu;

/**
 * The place in the date line: the locality of the nearest people's committee up the agency tree
 * (`chain` from the province down to the agency), "Hạ Long" for UBND phường Hạ Long and for its
 * desk, "Quảng Ninh" for a department of UBND tỉnh Quảng Ninh. A numbered locality keeps its kind
 * ("Phường 1"), as Decree 30/2020/NĐ-CP asks.
 */
export function placeName(chain: readonly string[]): string {
  for (const name of [...chain].reverse()) {
    const m = AGENCY_PLACE.exec(name.trim());
    if (!m) continue;
    const kind = m[1].toLowerCase();
    return /^\d+$/.test(m[2]) ? `${kind[0].toUpperCase()}${kind.slice(1)} ${m[2]}` : m[2];
  }
  return chain.at(-1) ?? '';
}

/** The agency hierarchy of the top-left block: its superior, itself, and the unit issuing the form. */
export function issuerLines(chain: readonly string[], unit: string | null): string[] {
  return [...chain.slice(-2), ...(unit ? [unit] : [])];
}

/** Counts are printed with two digits, as on the paper forms: "01". */
export const twoDigits = (n: number) => String(n).padStart(2, '0');
