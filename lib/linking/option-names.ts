// Option names and values as sellers and suppliers write them, brought to one form so "Colour: Navy"
// on a listing meets "Color: navy" or "颜色: 藏青色" on a supplier. Only spelling is normalised here;
// whether two values are the same thing is decided by exact equality of the normalised forms.

/** Option names by meaning, in the languages supplier and seller pages use. */
const NAME_SYNONYMS: Record<string, readonly string[]> = {
  color: [
    'color',
    'colour',
    'colors',
    'colours',
    'color name',
    'farbe',
    'couleur',
    'colore',
    'cor',
    '颜色',
    '颜色分类',
    '色',
    'カラー',
    '色',
  ],
  size: [
    'size',
    'sizes',
    'größe',
    'grosse',
    'taille',
    'talla',
    'taglia',
    'tamanho',
    '尺码',
    '尺寸',
    '大小',
    'サイズ',
    'shoe size',
    'us size',
    'size name',
  ],
  'ships-from': [
    'ships from',
    'ship from',
    'shipping from',
    'ships-from',
    'warehouse',
    'versand aus',
    'expédié de',
    'envío desde',
    '发货地',
    '发货仓',
    '仓库',
  ],
  material: ['material', 'materials', 'material type', 'matériau', 'matériel', '材质', '材料'],
  style: ['style', 'styles', 'style name', 'type', 'model', 'modell', '款式', '风格', '型号'],
  quantity: ['quantity', 'pack', 'pack size', 'number of items', 'qty', 'menge', '数量'],
};

const NAME_OF = new Map<string, string>(
  Object.entries(NAME_SYNONYMS).flatMap(([canonical, names]) => names.map((n) => [fold(n), canonical] as const)),
);

/** Colours and sizes written differently for the same thing; the value on the right is the one kept. */
const VALUE_SYNONYMS: Record<string, string> = {
  grey: 'gray',
  'dark grey': 'dark gray',
  'light grey': 'light gray',
  黑色: 'black',
  白色: 'white',
  红色: 'red',
  蓝色: 'blue',
  绿色: 'green',
  黄色: 'yellow',
  灰色: 'gray',
  粉色: 'pink',
  紫色: 'purple',
  橙色: 'orange',
  棕色: 'brown',
  米色: 'beige',
  藏青色: 'navy',
  'navy blue': 'navy',
  schwarz: 'black',
  weiß: 'white',
  weiss: 'white',
  rot: 'red',
  blau: 'blue',
  grün: 'green',
  noir: 'black',
  blanc: 'white',
  rouge: 'red',
  bleu: 'blue',
  vert: 'green',
  'extra small': 'xs',
  'x-small': 'xs',
  small: 's',
  medium: 'm',
  large: 'l',
  'extra large': 'xl',
  'x-large': 'xl',
  'xx-large': 'xxl',
  '2xl': 'xxl',
  'xxx-large': 'xxxl',
  '3xl': 'xxxl',
  '4xl': 'xxxxl',
  'one size': 'one size',
  'one-size': 'one size',
  onesize: 'one size',
  'taille unique': 'one size',
  均码: 'one size',
  'united states': 'us',
  usa: 'us',
  'united kingdom': 'uk',
  'great britain': 'uk',
  china: 'cn',
  'china mainland': 'cn',
  中国: 'cn',
  germany: 'de',
  deutschland: 'de',
  spain: 'es',
  france: 'fr',
  poland: 'pl',
  'czech republic': 'cz',
  russia: 'ru',
  russian: 'ru',
  'russian federation': 'ru',
  australia: 'au',
  brazil: 'br',
  italy: 'it',
  turkey: 'tr',
};

const VALUE_OF = new Map(Object.entries(VALUE_SYNONYMS).map(([k, v]) => [fold(k), v]));

/** Lower case, accents kept apart from letters, spacing and punctuation collapsed: "  Navy-Blue " → "navy blue". */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-/·・,.:;|()[\]（）【】]+/g, ' ')
    .trim();
}

/** The meaning of an option name: `color`, `size`, `ships-from`…, or its folded self when unknown. */
export function canonicalName(name: string): string {
  const folded = fold(name);
  return NAME_OF.get(folded) ?? NAME_OF.get(folded.replace(/s$/, '')) ?? folded;
}

/** An option value in one spelling; sizes and colours through the synonym table. */
export function canonicalValue(value: string): string {
  const folded = fold(value);
  const compact = folded.replace(/ /g, '');
  return VALUE_OF.get(folded) ?? VALUE_OF.get(compact) ?? (/^x+l$|^x+s$/.test(compact) ? compact : folded);
}

/** A variant's options keyed by meaning, values in one spelling. */
export function canonicalOptions(options: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(options)) {
    const key = canonicalName(name);
    if (!out.has(key)) out.set(key, canonicalValue(value));
  }
  return out;
}
