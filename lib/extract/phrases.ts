// The stock a visible text states, in twelve languages: "Only 3 left in stock", "Ausverkauft", "仅剩3件".
// Patterns (all lower case) run on a folded copy of the text (Latin accents dropped, lower-cased, one character
// for one), so a match's indices slice the phrase from the text exactly as the shopper saw it.
import type { Stock } from '../model';
import { atLeast, exact, fromCount, inStock, outOfStock } from './stock';
import { cleanText } from './text';

/** Longer texts are cut: adapters hand in an element's text, not the whole page. */
const MAX_CHARS = 10_000;

// Letters with no canonical decomposition that these languages use: Turkish ı, Polish ł, Nordic ø.
const EXTRA_FOLDS: Record<string, string> = { ı: 'i', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O' };
const LATIN_WITH_MARKS = /[\u00c0-\u024f]/g;

// Lower-cased here rather than matched with the `i` flag: case-insensitive tables cost ~0.4 ms more each to
// compile on a page's first read. After the fold, lower-casing keeps the length (its one exception, İ, is folded
// to I first), so indices still slice the text as shown.
const fold = (text: string): string =>
  text.replace(LATIN_WITH_MARKS, (c) => EXTRA_FOLDS[c] ?? c.normalize('NFD')[0]).toLowerCase();

// Boundaries against Latin letters and digits only: "Instock" in a URL does not match, while CJK phrases
// match inside unspaced sentences ("该商品缺货"). Text is folded first (accents dropped), so plain classes do,
// without the `u` flag: Unicode property classes made the first call on a page cost ~15 ms of regex compiling.
const LATIN = String.raw`a-z0-9\u00c0-\u024f`;
const table = (languages: string[]): RegExp => new RegExp(`(?<![${LATIN}])(?:${languages.join('|')})(?![${LATIN}])`);

/** A count, "1,200" included; never the start of "3.5" or "120". */
const N = String.raw`(\d{1,3}(?:[.,]\d{3})+|\d+)(?![.,]?\d)`;
/** After a bare "only N" no word may follow: "Solo quedan 2!" is stock, "Quedan 2 días" is not. */
const END = String.raw`(?!\s*[a-z\u00c0-\u024f])`;
const EN_UNIT = String.raw`(?:pieces?|pcs\.?|items?|units?|pairs?|sets?)\s+`;

// Product gone for good. Not a stock level: readStockText leaves these to readRemovedText.
const REMOVED = table([
  /* en */ String.raw`(?:(?:sorry,?\s+)?this\s+(?:product|item|listing)\s+is\s+)?no\s+longer\s+(?:available|for\s+sale)|(?:product|item|listing)\s+(?:has\s+been|was)\s+removed(?!\s+from)|product\s+removed(?!\s+from)|(?:this\s+)?listing\s+(?:has\s+|was\s+)?ended|bidding\s+has\s+ended(?:\s+on\s+this\s+item)?`,
  /* zh */ '(?:(?:该|此|这个)?(?:商品|宝贝))?已经?(?:下架|失效)|(?:商品|宝贝)(?:已经?被?删除|不存在)',
  /* es */ String.raw`(?:este\s+(?:producto|articulo)\s+)?ya\s+no\s+(?:esta|se\s+encuentra)\s+disponible|publicacion\s+finalizada|(?:este\s+)?anuncio\s+ha\s+finalizado`,
  /* de */ String.raw`(?:dieser\s+artikel\s+ist\s+)?nicht\s+mehr\s+(?:verfugbar|erhaltlich|lieferbar)|(?:dieses\s+)?angebot\s+wurde\s+(?:vom\s+verkaufer\s+)?beendet`,
  /* fr */ String.raw`(?:ce\s+(?:produit|article)\s+)?n['’]\s*est\s+plus\s+disponible|(?:cette\s+)?(?:annonce|vente)\s+est\s+terminee`,
  /* pt */ String.raw`(?:este\s+produto\s+)?(?:nao\s+esta\s+mais|ja\s+nao\s+esta)\s+disponivel|anuncio\s+(?:finalizado|encerrado)`,
  /* it */ String.raw`(?:questo\s+(?:prodotto|articolo)\s+)?non\s+e\s+piu\s+disponibile|(?:questa\s+)?inserzione\s+e\s+terminata`,
  /* ja */ '(?:この商品は)?(?:現在)?販売されていません|販売を?終了(?:しました)?|掲載は?終了',
  /* ko */ String.raw`판매\s*(?:종료|중지)|삭제된\s*상품|존재하지\s*않는\s*상품`,
  /* nl */ String.raw`niet\s+(?:meer|langer)\s+(?:beschikbaar|leverbaar|verkrijgbaar)`,
  /* pl */ String.raw`(?:produkt|oferta)\s+(?:nie\s+jest\s+juz\s+dostepn[ya]|zostala?\s+(?:usuniet[ya]|zakonczona))|oferta\s+zakonczona`,
  /* tr */ String.raw`(?:bu\s+urun\s+)?artik\s+(?:satista|mevcut)\s+degil|satistan\s+kaldirildi`,
]);

// "Almost sold out" and friends: still available. Blanked before the out-of-stock pass so "sold out" inside does not count.
const NEARLY_OUT = table([
  /* en */ String.raw`(?:almost|nearly)\s+(?:sold\s+out|gone|out\s+of\s+stock)|selling\s+(?:out\s+)?fast|low\s+(?:in\s+)?stock|limited\s+stock`,
  /* zh */ '即将售罄|快要?售罄|即将卖完|库存紧张|库存不多',
  /* es */ String.raw`casi\s+agotad[oa]s?|ultimas\s+unidades|pocas\s+unidades`,
  /* de */ String.raw`(?:fast|bald)\s+ausverkauft|nur\s+noch\s+wenige`,
  /* fr */ String.raw`(?:presque|bientot)\s+epuise(?:e|s|es)?|stock\s+limite`,
  /* pt */ String.raw`quase\s+esgotad[oa]s?`,
  /* it */ String.raw`quasi\s+esaurit[oaie]|ultimi\s+pezzi`,
  /* ja */ '売り切れ間近|残りわずか|残り僅か|在庫僅少',
  /* ko */ String.raw`품절\s*임박|재고\s*부족`,
  /* nl */ String.raw`bijna\s+uitverkocht|beperkte\s+voorraad`,
  /* pl */ String.raw`prawie\s+wyprzedan[eya]|ostatnie\s+sztuki`,
  /* tr */ String.raw`tukenmek\s+uzere|son\s+urunler`,
]);
const NEARLY_OUT_ALL = new RegExp(NEARLY_OUT.source, 'g');

// Negations sit here, and this pass runs before the in-stock one, so "Nicht auf Lager" never reads as "Auf Lager".
const OUT = table([
  /* en */ String.raw`(?:(?:currently|temporarily)\s+)?(?:out[\s-]+of[\s-]+stock|unavailable|sold[\s-]?out)|not\s+(?:currently\s+)?(?:available|in\s+stock)|no\s+longer\s+in\s+stock|no\s+stock`,
  /* zh */ '暂时缺货|缺货|已?售罄|已?售完|已?卖完|已抢光|暂?无现?货|没有?货|暂无库存|无库存|库存不足',
  /* es */ String.raw`agotad[oa]s?|sin\s+(?:stock|existencias)|fuera\s+de\s+stock|no\s+(?:esta\s+)?disponible|no\s+hay\s+(?:stock|existencias)`,
  /* de */ String.raw`(?:(?:derzeit|zurzeit|momentan|vorubergehend)\s+)?(?:ausverkauft|vergriffen|nicht\s+(?:auf\s+lager|verfugbar|lieferbar|vorratig))`,
  /* fr */ String.raw`(?:temporairement\s+)?(?:epuise(?:e|s|es)?|(?:en\s+)?rupture(?:\s+de\s+stock)?|indisponible|(?:pas|non)\s+disponible|plus\s+en\s+stock)`,
  /* pt */ String.raw`esgotad[oa]s?|indisponivel|sem\s+estoque|fora\s+de\s+estoque|nao\s+disponivel|em\s+falta`,
  /* it */ String.raw`(?:temporaneamente\s+)?(?:esaurit[oaie]|non\s+(?:e\s+)?disponibile)`,
  /* ja */ '在庫切れ|売り切れ|品切れ|在庫なし|完売|在庫が?ありません',
  /* ko */ String.raw`일시\s*품절|품절|재고\s*없음|매진|구매\s*불가`,
  /* nl */ String.raw`(?:tijdelijk\s+)?(?:uitverkocht|niet\s+(?:op\s+voorraad|leverbaar|beschikbaar))`,
  /* pl */ String.raw`wyprzedan[eya]|brak\s+(?:w\s+magazynie|towaru|na\s+stanie)|(?:chwilowo\s+)?niedostepn[yae]`,
  /* tr */ String.raw`tukendi|tukenmistir|stokta\s+yok|stok\s+yok|stokta\s+bulunmamaktadir`,
]);

// A floor, not a count: "More than 10 available", "10+ in stock".
const AT_LEAST = table([
  /* en */ String.raw`(?:more\s+than|over)\s+${N}\s+(?:${EN_UNIT})?(?:available|in\s+stock|left)|${N}\s*\+\s*(?:${EN_UNIT})?(?:available|in\s+stock|left)`,
  /* zh */ String.raw`(?:库存|可售(?:数量)?)\s*[:：]?\s*${N}\s*\+|(?:超过|大于)\s*${N}\s*件`,
  /* es */ String.raw`mas\s+de\s+${N}\s+(?:unidades\s+)?disponibles?`,
  /* de */ String.raw`mehr\s+als\s+${N}\s+(?:stuck\s+)?(?:auf\s+lager|verfugbar|vorratig)`,
  /* fr */ String.raw`plus\s+de\s+${N}\s+(?:articles?\s+)?(?:en\s+stock|disponibles?)`,
  /* pt */ String.raw`mais\s+de\s+${N}\s+(?:unidades\s+)?(?:em\s+estoque|disponive(?:l|is))`,
  /* it */ String.raw`piu\s+di\s+${N}\s+(?:pezzi\s+)?disponibil[ei]`,
  /* ja */ String.raw`在庫\s*${N}\s*(?:点|個)?以上`,
  /* ko */ String.raw`${N}\s*개\s*이상`,
  /* nl */ String.raw`meer\s+dan\s+${N}\s+(?:stuks\s+)?(?:op\s+voorraad|beschikbaar)`,
  /* pl */ String.raw`(?:wiecej\s+niz|ponad)\s+${N}\s+szt(?:uk[ia]?|\.)?`,
]);

const EXACT = table([
  /* en */ String.raw`(?:low\s+stock:?\s*)?(?:only\s+)?${N}\s+(?:${EN_UNIT})?(?:left(?:\s+in\s+stock)?|available|in\s+stock)|(?:quantity\s+available|available\s+quantity|in\s+stock|stock)\s*:\s*${N}`,
  /* zh */ String.raw`(?:仅剩|只剩|还剩|剩余|剩下|库存|可售数量|可售|现货)\s*[:：]?\s*${N}(?!\s*(?:天|小时|分钟|秒))\s*[件个台套双份只条张]?|${N}\s*[件个]\s*(?:可售|库存|现货)`,
  /* es: Amazon.es writes "Solo queda(n) 2 en stock" */ String.raw`(?:solo\s+)?queda(?:n|\(n\))?\s+(?:solo\s+)?${N}(?:\s+(?:unidades?|disponibles?|en\s+stock))?${END}|(?:solo\s+)?${N}\s+(?:unidades\s+)?disponibles?|ultimas\s+${N}\s+unidades`,
  /* de */ String.raw`nur\s+noch\s+${N}(?:\s+(?:stuck|artikel|exemplare?))?(?:\s+(?:auf\s+lager|verfugbar|vorratig|lieferbar))?${END}|${N}\s+(?:stuck\s+)?(?:auf\s+lager|verfugbar|vorratig)`,
  /* fr */ String.raw`(?:plus\s+que|(?:il\s+)?(?:ne|n['’]en)\s+reste\s+(?:plus\s+)?que)\s+${N}(?:\s+(?:articles?|exemplaires?))?(?:\s+(?:en\s+stock|disponibles?))?${END}|${N}\s+(?:articles?\s+)?en\s+stock`,
  /* pt */ String.raw`(?:apenas|somente|restam?(?:\s+apenas)?)\s+${N}(?:\s+(?:unidades?|itens|pecas))?(?:\s+(?:em\s+estoque|disponive(?:l|is)))?${END}|ultimas\s+${N}\s+unidades|${N}\s+(?:unidades?\s+)?(?:em\s+estoque|disponive(?:l|is))`,
  /* it */ String.raw`solo\s+${N}\s+(?:pezzi\s+)?(?:rimast[ie]|disponibil[ei])|(?:ne\s+)?(?:rimangono|restano)\s+(?:solo\s+)?${N}(?:\s+pezzi)?${END}|${N}\s+(?:pezzi\s+)?disponibil[ei]|ultimi\s+${N}\s+pezzi`,
  /* ja */ String.raw`残り\s*${N}\s*[点個つ枚台着本]|在庫数?\s*[:：]?\s*${N}\s*[点個]?`,
  /* ko */ String.raw`(?:재고|남은\s*수량|잔여\s*수량)\s*[:：]?\s*${N}\s*개?|${N}\s*개\s*남(?:음|았습니다)?`,
  /* nl */ String.raw`(?:nog|slechts)\s+(?:maar\s+)?${N}(?:\s+stuks?)?(?:\s+(?:op\s+voorraad|beschikbaar|over))?${END}|${N}\s+(?:stuks?\s+)?(?:op\s+voorraad|beschikbaar)`,
  /* pl */ String.raw`(?:zostal[oay]?|pozostal[oay]?)\s+(?:tylko\s+)?${N}(?:\s+szt(?:uk[ia]?|\.)?)?${END}|${N}\s+szt(?:uk[ia]?|\.)?\s+(?:dostepn[eay]|w\s+magazynie|na\s+stanie)|ostatnie\s+${N}\s+sztuk[ia]?`,
  /* tr */ String.raw`son\s+${N}\s+(?:adet|urun)|stokta\s+(?:son\s+)?${N}\s+adet|${N}\s+adet\s+(?:stokta|kaldi)`,
]);

// One unit left, said in words.
const LAST_ONE = table([
  /* en */ String.raw`last\s+(?:one|item|piece|unit)(?:\s+(?:left|in\s+stock|available))?|only\s+one\s+left`,
  /* zh */ '最后一件|[仅只]剩一件',
  /* es, pt */ String.raw`ultima\s+unidade?|ultimo\s+disponible`,
  /* de */ String.raw`letzte[rs]\s+(?:stuck|exemplar|artikel)|nur\s+noch\s+ein\s+(?:stuck|artikel)`,
  /* fr */ String.raw`dernier\s+(?:article|exemplaire)|derniere\s+piece`,
  /* it */ String.raw`ultimo\s+(?:pezzo|articolo|disponibile)`,
  /* ja */ String.raw`ラスト\s*1\s*点|最後の1点`,
  /* ko */ String.raw`마지막\s*(?:1\s*개|상품)`,
  /* nl */ String.raw`laatste\s+(?:stuk|exemplaar)`,
  /* pl */ String.raw`ostatnia\s+sztuka|ostatni\s+egzemplarz`,
  /* tr */ String.raw`son\s+bir\s+(?:adet|urun)`,
]);

const IN = table([
  /* en: not "back in stock" (a notify-me button on an out-of-stock page) */ String.raw`(?<!back\s|not\s)in\s+stock`,
  /* zh */ '有现?货|现货|有库存|库存充足',
  /* es */ String.raw`en\s+stock|en\s+existencia|disponibles?`,
  /* de */ String.raw`auf\s+lager|vorratig|(?:sofort\s+)?(?:lieferbar|verfugbar)`,
  /* fr */ String.raw`en\s+stock|disponibles?`,
  /* pt */ String.raw`em\s+estoque|disponivel|pronta\s+entrega`,
  /* it */ String.raw`disponibilita\s+immediata|disponibile|in\s+magazzino`,
  /* ja */ '在庫あり|在庫有り?|在庫がございます',
  /* ko */ String.raw`재고\s*있음|구매\s*가능`,
  /* nl */ String.raw`op\s+voorraad|(?:direct\s+)?leverbaar`,
  /* pl */ String.raw`dostepn[yae]|w\s+magazynie|na\s+stanie`,
  /* tr */ String.raw`stokta(?:\s+(?:var|mevcut))?`,
]);

const MARKS = /[.,]/g;
const DIGIT = /\d/;
const countIn = (match: RegExpExecArray): number =>
  Number((match.slice(1).find((group) => group !== undefined) ?? '1').replace(MARKS, ''));

/** The stock a visible text states and the words that said it; null when it states none or says the product is gone. */
export function readStockText(text: string): { stock: Stock; phrase: string } | null {
  return readText(text, false);
}

/**
 * Only whether a visible text says "out of stock" (and the words): for notices that matter only when they do.
 * It runs the out-of-stock table alone, so a page whose notice says "312 pieces available" does not pay for
 * compiling the count and in-stock tables on its first (cold) read.
 */
export function readOutOfStockText(text: string): { stock: Stock; phrase: string } | null {
  return readText(text, true);
}

function readText(text: string, outOnly: boolean): { stock: Stock; phrase: string } | null {
  if (typeof text !== 'string') return null;
  const shown = cleanText(text.slice(0, MAX_CHARS));
  const folded = fold(shown);
  if (!shown || REMOVED.test(folded)) return null;
  const said = (stock: Stock, match: RegExpExecArray) => ({
    stock,
    phrase: shown.slice(match.index, match.index + match[0].length),
  });
  const out = OUT.exec(folded.replace(NEARLY_OUT_ALL, (words) => ' '.repeat(words.length)));
  if (out) return said(outOfStock(), out);
  if (outOnly) return null;
  // A count beats a bare in-stock phrase: "Only 3 left in stock" is exact 3. Every count pattern holds a digit,
  // so text without one skips them (and a page's first call skips compiling the two largest tables).
  const hasDigit = DIGIT.test(folded);
  let match = hasDigit ? AT_LEAST.exec(folded) : null;
  if (match) return said(atLeast(countIn(match)), match);
  match = hasDigit ? EXACT.exec(folded) : null;
  if (match) return said(fromCount(countIn(match)), match);
  match = LAST_ONE.exec(folded);
  if (match) return said(exact(1), match);
  match = NEARLY_OUT.exec(folded) ?? IN.exec(folded);
  return match ? said(inStock(), match) : null;
}

/** The words saying the product itself is gone ("This listing has ended", "商品已下架"), or null. */
export function readRemovedText(text: string): string | null {
  if (typeof text !== 'string') return null;
  const shown = cleanText(text.slice(0, MAX_CHARS));
  const match = REMOVED.exec(fold(shown));
  return match ? shown.slice(match.index, match.index + match[0].length) : null;
}
