/** A y axis for counts and sums: round tick steps (1, 2 or 5 × 10ⁿ) and a top that is a whole number of steps. */
export interface Scale {
  max: number;
  ticks: number[];
}

export function niceScale(dataMax: number, targetTicks = 4, integer = true): Scale {
  if (!(dataMax > 0)) return { max: 1, ticks: [0, 1] };
  const rough = dataMax / targetTicks;
  const exp = Math.pow(10, Math.floor(Math.log10(rough)));
  const f = rough / exp;
  let step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * exp;
  if (integer) step = Math.max(1, Math.round(step));
  const max = Math.ceil(dataMax / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= max + step / 2; t += step) ticks.push(t);
  return { max, ticks };
}

const countFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const compactFormat = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

export const formatCount = (n: number) => countFormat.format(n);
/** Lead values are summed "whatever their currency", so they are shown as plain amounts without a symbol. */
export const formatAmount = (n: number) => countFormat.format(n);
export const formatCompact = (n: number) => compactFormat.format(n);
