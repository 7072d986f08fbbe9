import { describe, expect, it } from 'vitest';
import { cpuMs } from '../../tests/cpu-time';
import type { Stock } from '../model';
import { readOutOfStockText, readRemovedText, readStockText } from './phrases';
import { atLeast, exact, inStock, outOfStock } from './stock';

const read = (stock: Stock, phrase: string) => ({ stock, phrase });

describe('readStockText: quantities', () => {
  it.each([
    ['37 pieces available', read(exact(37), '37 pieces available')],
    ['Only 3 left in stock', read(exact(3), 'Only 3 left in stock')],
    ['Only 3 left in stock - order soon.', read(exact(3), 'Only 3 left in stock')],
    ['More than 10 available', read(atLeast(10), 'More than 10 available')],
    ['10+ available', read(atLeast(10), '10+ available')],
    ['Over 1,000 pieces available', read(atLeast(1000), 'Over 1,000 pieces available')],
    ['Last one', read(exact(1), 'Last one')],
    ['Last item in stock', read(exact(1), 'Last item in stock')],
    ['3 available', read(exact(3), '3 available')],
    ['0 available', read(outOfStock(), '0 available')],
    ['12 in stock', read(exact(12), '12 in stock')],
    ['1,200 pieces available', read(exact(1200), '1,200 pieces available')],
    ['Stock: 8', read(exact(8), 'Stock: 8')],
    ['Low stock: 3 left', read(exact(3), 'Low stock: 3 left')],
    ['Color: Blue\n  Only\u00a02 left', read(exact(2), 'Only 2 left')],
    ['仅剩3件', read(exact(3), '仅剩3件')],
    ['库存120件', read(exact(120), '库存120件')],
    ['库存：120', read(exact(120), '库存：120')],
    ['库存 999+', read(atLeast(999), '库存 999+')],
    ['5 件可售', read(exact(5), '5 件可售')],
    ['可售数量 5', read(exact(5), '可售数量 5')],
    ['¡Solo quedan 2!', read(exact(2), 'Solo quedan 2')],
    ['Quedan 4 unidades', read(exact(4), 'Quedan 4 unidades')],
    ['Solo queda(n) 2 en stock (hay más unidades en camino).', read(exact(2), 'Solo queda(n) 2 en stock')],
    ['Más de 50 disponibles', read(atLeast(50), 'Más de 50 disponibles')],
    ['Nur noch 4 auf Lager', read(exact(4), 'Nur noch 4 auf Lager')],
    ['Nur noch 2 Stück verfügbar', read(exact(2), 'Nur noch 2 Stück verfügbar')],
    ['Mehr als 20 Stück auf Lager', read(atLeast(20), 'Mehr als 20 Stück auf Lager')],
    ['Plus que 2 en stock', read(exact(2), 'Plus que 2 en stock')],
    ["Il n'en reste que 3 !", read(exact(3), "Il n'en reste que 3")],
    ['Plus de 10 articles en stock', read(atLeast(10), 'Plus de 10 articles en stock')],
    ['Apenas 3 em estoque', read(exact(3), 'Apenas 3 em estoque')],
    ['Restam 2 unidades', read(exact(2), 'Restam 2 unidades')],
    ['Solo 2 rimasti', read(exact(2), 'Solo 2 rimasti')],
    ['Solo 2 disponibili', read(exact(2), 'Solo 2 disponibili')],
    ['Più di 5 disponibili', read(atLeast(5), 'Più di 5 disponibili')],
    ['残り3点', read(exact(3), '残り3点')],
    ['在庫数：7', read(exact(7), '在庫数：7')],
    ['재고 5개', read(exact(5), '재고 5개')],
    ['3개 남음', read(exact(3), '3개 남음')],
    ['Nog 2 op voorraad', read(exact(2), 'Nog 2 op voorraad')],
    ['Meer dan 10 op voorraad', read(atLeast(10), 'Meer dan 10 op voorraad')],
    ['Zostały 3 szt.', read(exact(3), 'Zostały 3 szt.')],
    ['Son 3 ürün', read(exact(3), 'Son 3 ürün')],
    ['Stokta 5 adet', read(exact(5), 'Stokta 5 adet')],
    ['Última unidad', read(exact(1), 'Última unidad')],
    ['Letztes Stück', read(exact(1), 'Letztes Stück')],
    ['Letzter Artikel', read(exact(1), 'Letzter Artikel')],
    ['Ultimo disponibile', read(exact(1), 'Ultimo disponibile')],
    ['Último disponible', read(exact(1), 'Último disponible')],
    ['最后一件', read(exact(1), '最后一件')],
  ])('%j -> %j', (text, expected) => {
    expect(readStockText(text)).toEqual(expected);
  });
});

describe('readStockText: out of stock, every language', () => {
  it.each([
    ['Out of stock', 'Out of stock'],
    ['OUT OF STOCK', 'OUT OF STOCK'],
    ['Sold out', 'Sold out'],
    ['Sold-out', 'Sold-out'],
    ['Currently unavailable.', 'Currently unavailable'],
    ['Temporarily out of stock.', 'Temporarily out of stock'],
    ['This size is not available', 'not available'],
    ['Not in stock', 'Not in stock'],
    ['Unavailable', 'Unavailable'],
    ['该商品缺货', '缺货'],
    ['已售罄', '已售罄'],
    ['已售完', '已售完'],
    ['无货', '无货'],
    ['暂时缺货', '暂时缺货'],
    ['Agotado', 'Agotado'],
    ['Sin stock', 'Sin stock'],
    ['No disponible', 'No disponible'],
    ['Ausverkauft', 'Ausverkauft'],
    ['Nicht auf Lager', 'Nicht auf Lager'],
    ['Derzeit nicht verfügbar.', 'Derzeit nicht verfügbar'],
    ['Épuisé', 'Épuisé'],
    ['EPUISE', 'EPUISE'],
    ['Rupture de stock', 'Rupture de stock'],
    ['Indisponible', 'Indisponible'],
    ['Esgotado', 'Esgotado'],
    ['Indisponível', 'Indisponível'],
    ['Esaurito', 'Esaurito'],
    ['Non disponibile', 'Non disponibile'],
    ['在庫切れ', '在庫切れ'],
    ['売り切れ', '売り切れ'],
    ['在庫がありません', '在庫がありません'],
    ['품절', '품절'],
    ['일시품절', '일시품절'],
    ['재고 없음', '재고 없음'],
    ['Uitverkocht', 'Uitverkocht'],
    ['Niet op voorraad', 'Niet op voorraad'],
    ['Wyprzedane', 'Wyprzedane'],
    ['Brak w magazynie', 'Brak w magazynie'],
    ['Niedostępny', 'Niedostępny'],
    ['Tükendi', 'Tükendi'],
    ['Stokta yok', 'Stokta yok'],
    ['Sold out. We do not know when or if this item will be back in stock.', 'Sold out'],
  ])('%j -> outOfStock (%j)', (text, phrase) => {
    expect(readStockText(text)).toEqual(read(outOfStock(), phrase));
  });
});

describe('readStockText: in stock, every language', () => {
  it.each([
    ['In stock', 'In stock'],
    ['Availability: In Stock', 'In Stock'],
    ['有货', '有货'],
    ['现货', '现货'],
    ['En stock', 'En stock'],
    ['Disponible', 'Disponible'],
    ['Auf Lager', 'Auf Lager'],
    ['Vorrätig', 'Vorrätig'],
    ['Sofort lieferbar', 'Sofort lieferbar'],
    ['Em estoque', 'Em estoque'],
    ['Disponível', 'Disponível'],
    ['Disponibile', 'Disponibile'],
    ['Disponibilità immediata', 'Disponibilità immediata'],
    ['在庫あり', '在庫あり'],
    ['재고 있음', '재고 있음'],
    ['Op voorraad', 'Op voorraad'],
    ['Dostępny', 'Dostępny'],
    ['W magazynie', 'W magazynie'],
    ['Stokta var', 'Stokta var'],
    ['Almost sold out!', 'Almost sold out'],
    ['即将售罄', '即将售罄'],
    ['품절임박', '품절임박'],
    ['Fast ausverkauft', 'Fast ausverkauft'],
  ])('%j -> inStock (%j)', (text, phrase) => {
    expect(readStockText(text)).toEqual(read(inStock(), phrase));
  });
});

describe('readStockText: what it must not read', () => {
  it.each([
    ['https://schema.org/InStock'],
    ['Instock'],
    ['Stock up for the holidays'],
    ['Notify me when back in stock'],
    ['Available colors: red, blue'],
    ['Quedan 2 días de oferta'],
    ['Plus que 2 jours'],
    ['Nur noch 3 Tage'],
    ['剩余3天'],
    ['This item is no longer available'],
    ['Este producto ya no está disponible'],
    ['Dieser Artikel ist nicht mehr verfügbar'],
    ['1,234 sold'],
    ['Free shipping over $50'],
    [''],
  ])('%j -> null', (text) => {
    expect(readStockText(text)).toBeNull();
  });

  it('lets negations win: "Nicht auf Lager" is out, "Auf Lager" is in', () => {
    expect(readStockText('Nicht auf Lager')?.stock).toEqual(outOfStock());
    expect(readStockText('Auf Lager')?.stock).toEqual(inStock());
    expect(readStockText('Niet op voorraad')?.stock).toEqual(outOfStock());
    expect(readStockText('Op voorraad')?.stock).toEqual(inStock());
  });

  it('reads any letter case and slices the phrase as shown, after letters that fold (İ, Ø, É)', () => {
    expect(readStockText('İSTANBUL DEPO: SON 3 ADET')).toEqual(read(exact(3), 'SON 3 ADET'));
    expect(readStockText('Ø ÉTÉ — Plus Que 2 Articles En Stock')).toEqual(
      read(exact(2), 'Plus Que 2 Articles En Stock'),
    );
    expect(readRemovedText('ÉDITION LIMITÉE · CETTE ANNONCE EST TERMINÉE')).toBe('CETTE ANNONCE EST TERMINÉE');
  });

  it('prefers a count over a bare in-stock phrase in the same text', () => {
    expect(readStockText('In stock. 12 in stock')).toEqual(read(exact(12), '12 in stock'));
  });

  it('never throws on hostile input', () => {
    expect(readStockText(undefined as unknown as string)).toBeNull();
    expect(readStockText(`${'9'.repeat(50_000)} available`)).toBeNull();
    expect(cpuMs(() => readStockText('a '.repeat(20_000)))).toBeLessThan(200);
  });
});

describe('readRemovedText', () => {
  it.each([
    ['This product is no longer available', 'This product is no longer available'],
    ['Sorry, this item is no longer available.', 'Sorry, this item is no longer available'],
    ['This listing has ended', 'This listing has ended'],
    ['This product has been removed by the seller', 'product has been removed'],
    ['Product removed. You may post a sourcing request.', 'Product removed'],
    ['商品已下架', '商品已下架'],
    ['该商品已下架', '该商品已下架'],
    ['此商品已失效', '此商品已失效'],
    ['Este producto ya no está disponible', 'Este producto ya no está disponible'],
    ['Dieser Artikel ist nicht mehr verfügbar', 'Dieser Artikel ist nicht mehr verfügbar'],
    ["Ce produit n'est plus disponible", "Ce produit n'est plus disponible"],
    ['Ce produit n’est plus disponible', 'Ce produit n’est plus disponible'],
    ['Este produto não está mais disponível', 'Este produto não está mais disponível'],
    ['Questo prodotto non è più disponibile', 'Questo prodotto non è più disponibile'],
    ['この商品は現在販売されていません', 'この商品は現在販売されていません'],
    ['판매 종료', '판매 종료'],
    ['Dit product is niet meer beschikbaar', 'niet meer beschikbaar'],
    ['Bu ürün artık satışta değil', 'Bu ürün artık satışta değil'],
    // eBay's ended-listing notices
    ['Bidding has ended on this item. The seller has relisted it.', 'Bidding has ended on this item'],
    ['This listing was ended by the seller.', 'This listing was ended'],
    ['Dieses Angebot wurde beendet.', 'Dieses Angebot wurde beendet'],
    ['Dieses Angebot wurde vom Verkäufer beendet.', 'Dieses Angebot wurde vom Verkäufer beendet'],
    ['Cette annonce est terminée.', 'Cette annonce est terminée'],
    ['Questa inserzione è terminata.', 'Questa inserzione è terminata'],
    ['Este anuncio ha finalizado.', 'Este anuncio ha finalizado'],
  ])('%j -> %j', (text, phrase) => {
    expect(readRemovedText(text)).toEqual(phrase);
  });

  it.each([
    ['Page not found'],
    ['Out of stock'],
    ['Item was removed from your cart'],
    ['Product removed from your wishlist'],
    ['In stock'],
  ])('%j -> null', (text) => {
    expect(readRemovedText(text)).toBeNull();
  });
});

describe('readOutOfStockText', () => {
  it.each([
    ['Sold out', { stock: { kind: 'outOfStock' }, phrase: 'Sold out' }],
    ['Nicht auf Lager', { stock: { kind: 'outOfStock' }, phrase: 'Nicht auf Lager' }],
    ['312 pieces available', null],
    ['Almost sold out', null],
    ['In stock', null],
  ])('%s', (text, expected) => {
    expect(readOutOfStockText(text)).toEqual(expected);
  });
});
