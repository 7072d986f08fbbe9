// Amazon's variation data ("twister"): the page registers it inline as
// `P.register('twister-js-init-dpx-data', function () { var dataToReturn = {…}; return dataToReturn; })`,
// older pages pass the same keys through `jQuery.parseJSON('…')`. Either way the keys are found by name.
import { findAssignedLiteral } from '../../extract/embedded-json';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
const ASIN = /^[A-Z0-9]{10}$/;
export const asinOf = (v: unknown): string | null => {
  const upper = text(v)?.toUpperCase();
  return upper && ASIN.test(upper) ? upper : null;
};

/** Where the data sits, for evidence strings. */
export const TWISTER_SOURCE = 'embedded-json:twister-js-init-dpx-data';

export interface Dimension {
  /** `size_name`, `color_name`: also the prefix of the swatch element ids (`size_name_2`). */
  key: string;
  /** What shoppers read: "Size", "Farbe". */
  label: string;
  values: string[];
}

export interface Twister {
  parentAsin: string | null;
  currentAsin: string | null;
  dimensions: Dimension[];
  /** Child ASIN -> its value index per dimension (-1 where the page does not say), in page order. */
  children: Map<string, number[]>;
  /** Child ASIN -> the values shoppers see, per dimension. */
  display: Map<string, string[]>;
}

const KEYS = [
  'dimensions',
  'dimensionsDisplay',
  'variationDisplayLabels',
  'variationValues',
  'asinVariationValues',
  'dimensionValuesDisplayData',
  'dimensionToAsinMap',
  'parentAsin',
  'currentAsin',
];

/** Any of these lists the child ASINs. */
const FAMILY_KEYS = ['dimensionValuesDisplayData', 'asinVariationValues', 'dimensionToAsinMap'];

/** The twister keys of the first inline script that carries them; null on a page without variations. */
function twisterData(scripts: string[]): Json | null {
  const script = scripts.find((s) => FAMILY_KEYS.some((key) => s.includes(key)));
  if (!script) return null;
  const whole = findAssignedLiteral(script, 'dataToReturn');
  if (isRecord(whole) && FAMILY_KEYS.some((key) => isRecord(whole[key]))) return whole;
  // No `dataToReturn` object (a parseJSON string, split assignments): look each key up by name.
  return Object.fromEntries(KEYS.map((key) => [key, findAssignedLiteral(script, key)]));
}

export function readTwister(scripts: string[]): Twister | null {
  const data = twisterData(scripts);
  if (!data) return null;
  const keys = Array.isArray(data.dimensions) ? data.dimensions.map(text).filter((k): k is string => !!k) : [];
  const labels = isRecord(data.variationDisplayLabels) ? data.variationDisplayLabels : {};
  const shown = Array.isArray(data.dimensionsDisplay) ? data.dimensionsDisplay : [];
  const valueLists = isRecord(data.variationValues) ? data.variationValues : {};
  const dimensions = keys.map((key, i) => ({
    key,
    label: text(labels[key]) ?? text(shown[i]) ?? key,
    values: Array.isArray(valueLists[key]) ? valueLists[key].map((v) => text(v) ?? '') : [],
  }));

  const children = new Map<string, number[]>();
  const indexOf = (v: unknown) => (text(v) !== null && /^\d+$/.test(text(v)!) ? Number(text(v)) : -1);
  const perAsin = isRecord(data.asinVariationValues) ? data.asinVariationValues : {};
  const byCombination = isRecord(data.dimensionToAsinMap) ? data.dimensionToAsinMap : {};
  const displayData = isRecord(data.dimensionValuesDisplayData) ? data.dimensionValuesDisplayData : {};
  for (const [combination, value] of Object.entries(byCombination)) {
    const asin = asinOf(value);
    if (asin) children.set(asin, combination.split('_').map(indexOf));
  }
  for (const [key, value] of Object.entries(perAsin)) {
    const asin = asinOf(key);
    if (asin && isRecord(value))
      children.set(
        asin,
        keys.map((k) => indexOf(value[k])),
      );
  }
  const display = new Map<string, string[]>();
  for (const [key, value] of Object.entries(displayData)) {
    const asin = asinOf(key);
    if (!asin || !Array.isArray(value)) continue;
    display.set(
      asin,
      value.map((v) => text(v) ?? ''),
    );
    if (!children.has(asin))
      children.set(
        asin,
        keys.map(() => -1),
      );
  }
  return { parentAsin: asinOf(data.parentAsin), currentAsin: asinOf(data.currentAsin), dimensions, children, display };
}

/** The option values a child ASIN stands for: the page's display strings, else looked up by index. */
export function optionsOf(twister: Twister, asin: string): Record<string, string> {
  const shown = twister.display.get(asin);
  const indices = twister.children.get(asin) ?? [];
  const options: Record<string, string> = {};
  twister.dimensions.forEach((dimension, i) => {
    const value = shown?.[i] || dimension.values[indices[i]];
    if (value) options[dimension.label.slice(0, 100)] = value.slice(0, 200);
  });
  return options;
}
