import { kuuloEvents } from '../bridge.ts';
import { i18next } from '../i18n/index.ts';
import { useNotify } from './notify.ts';

/**
 * Tells the consultant when the core found the search index damaged and rebuilt it: until it is done,
 * a search may miss hits, and nothing else on screen would say why.
 */
export function followSearchIndexRepair(): () => void {
  const token = kuuloEvents.subscribe('searchIndexRepair', ({ done, failed }) => {
    const { push } = useNotify.getState();
    if (!done) push('info', i18next.t('search.indexRepair.started'));
    else if (failed) push('error', i18next.t('search.indexRepair.failed'));
    else push('info', i18next.t('search.indexRepair.done'));
  });
  return () => kuuloEvents.unsubscribe(token);
}
