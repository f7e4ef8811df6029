/**
 * Links that may leave the app for the OS browser: https only, to these hosts only. Kuulo shows
 * no remote content, so a link elsewhere in a page can only come from pasted or imported text;
 * add a host here when the app itself links to it.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['kuulo.invalid'];

export function isAllowedExternalLink(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' && !parsed.username && !parsed.password && hosts.includes(parsed.hostname)
    );
  } catch {
    return false;
  }
}

export interface ExternalOpenerDeps {
  hosts?: readonly string[];
  /** Asks the consultant whether to open the link; true to open. */
  confirm: (url: string) => Promise<boolean>;
  open: (url: string) => Promise<void>;
}

/** Opens an allowed link in the OS browser once the consultant confirms; anything else goes nowhere. */
export function createExternalOpener({
  hosts,
  confirm,
  open,
}: ExternalOpenerDeps): (url: string) => Promise<boolean> {
  return async (url) => {
    if (!isAllowedExternalLink(url, hosts) || !(await confirm(url))) return false;
    await open(url);
    return true;
  };
}
