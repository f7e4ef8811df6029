import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';
import { rovingIndex } from './roving.ts';

export interface Tab<K extends string> {
  key: K;
  label: ReactNode;
  /** A tab that is a route: a link, so the URL (and reopening the screen) keeps which tab is shown. */
  href?: string;
}

/** The ids that tie a tab strip to its panel. */
export interface TabIds {
  base: string;
  panel: string;
}

export function useTabIds(): TabIds {
  const base = useId();
  return { base, panel: `${base}-panel` };
}

const tabId = (ids: TabIds, key: string) => `${ids.base}-tab-${key}`;

/** What makes an element the panel of the selected tab (spread it on the element that holds its content). */
export const tabPanelProps = (ids: TabIds, selected: string) =>
  ({ id: ids.panel, role: 'tabpanel', 'aria-labelledby': tabId(ids, selected) }) as const;

interface TabListProps<K extends string> {
  ids: TabIds;
  tabs: Tab<K>[];
  selected: K;
  onSelect: (key: K) => void;
  /** What the tabs choose between, for a screen reader (the strip has no visible heading). */
  label: string;
  className?: string;
}

/**
 * A tab strip by the ARIA tabs pattern: one Tab stop (the selected tab); arrows, Home and End move
 * and select. Only the selected tab's content exists, so every tab controls the one panel that shows it.
 */
export function TabList<K extends string>({
  ids,
  tabs,
  selected,
  onSelect,
  label,
  className = 'tabs',
}: TabListProps<K>) {
  const refs = useRef(new Map<K, HTMLElement>());
  const onKeyDown = (e: KeyboardEvent) => {
    const at = tabs.findIndex((tab) => tab.key === selected);
    const next = rovingIndex(e.key, at, tabs.length);
    if (next === null) return;
    e.preventDefault();
    const key = tabs[next]!.key;
    refs.current.get(key)?.focus();
    if (key !== selected) onSelect(key);
  };
  return (
    <div className={className} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const props = {
          id: tabId(ids, tab.key),
          role: 'tab',
          'aria-selected': tab.key === selected,
          'aria-controls': ids.panel,
          tabIndex: tab.key === selected ? 0 : -1,
          className: tab.key === selected ? 'tab active' : 'tab',
          ref: (el: HTMLElement | null) => {
            if (el) refs.current.set(tab.key, el);
            else refs.current.delete(tab.key);
          },
        } as const;
        return tab.href ? (
          <a key={tab.key} {...props} href={tab.href}>
            {tab.label}
          </a>
        ) : (
          <button key={tab.key} {...props} type="button" onClick={() => onSelect(tab.key)}>
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}

/** A tab strip and its panel, for content that has no element of its own to be the panel. */
export function Tabs<K extends string>({
  panelClassName,
  children,
  ...list
}: Omit<TabListProps<K>, 'ids'> & { panelClassName?: string; children: ReactNode }) {
  const ids = useTabIds();
  return (
    <>
      <TabList ids={ids} {...list} />
      <div {...tabPanelProps(ids, list.selected)} className={panelClassName}>
        {children}
      </div>
    </>
  );
}
