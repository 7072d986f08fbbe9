import { useEffect, useState } from 'react';
import { initI18n } from '@/lib/i18n';
import type { Settings } from '@/lib/model';

/**
 * Follows the stored language: loads its messages, then returns it, so the page re-renders once in the new
 * language (t() stays synchronous for every component below).
 */
export function useLanguage(settings: Settings | undefined): Settings['language'] | undefined {
  const [shown, setShown] = useState<Settings['language']>();
  const wanted = settings?.language;
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    void initI18n(wanted).then(() => {
      if (current) setShown(wanted);
    });
    return () => {
      current = false;
    };
  }, [wanted]);
  return shown;
}
