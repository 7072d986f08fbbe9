import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb, type LinkRow } from '@/lib/db';
import { t } from '@/lib/i18n';
import { applyRemaps, proposeRemaps } from '@/lib/linking/remap';
import type { Reply, SaveLinksMessage } from '@/lib/messages';

/**
 * Under a `variant-missing` problem: the supplier's new variant with the same options, and one button that
 * puts it in the old one's place. Shown only when the successor is clear.
 */
export function RemapOffer({ link }: { link: LinkRow }) {
  const [error, setError] = useState('');
  const proposal = useLiveQuery(async () => {
    const db = getDb();
    const mine = (await db.latest.bulkGet(link.offerKeys)).filter((o) => o !== undefined);
    const products = [...new Set(mine.filter((o) => o.presence === 'missing').map((o) => o.productKey))];
    if (products.length === 0) return null;
    const offers = await db.latest.where('productKey').anyOf(products).toArray();
    const remaps = proposeRemaps(link, offers);
    if (remaps.length === 0) return null;
    const labels = new Map(offers.map((o) => [o.key, o.label]));
    return { remaps, text: remaps.map((r) => `${labels.get(r.from)} → ${labels.get(r.to)}`).join(', ') };
  }, [link]);
  if (!proposal) return null;

  const accept = async () => {
    const message: SaveLinksMessage = {
      type: 'links:save',
      links: [
        { listingKey: link.listingKey, suppliers: applyRemaps(link, proposal.remaps), bufferUnits: link.bufferUnits },
      ],
    };
    const reply = (await browser.runtime.sendMessage(message)) as Reply | undefined;
    if (!reply?.ok) setError(reply?.error ?? t('linkFailed'));
  };
  return (
    <div className="remap" data-remap={proposal.remaps.map((r) => r.to).join(' ')}>
      <span>{t('remapProposal', [proposal.text])}</span>{' '}
      <button type="button" onClick={() => void accept()}>
        {t('remapAccept')}
      </button>
      {error && (
        <span role="alert" className="error">
          {' '}
          {error}
        </span>
      )}
    </div>
  );
}
