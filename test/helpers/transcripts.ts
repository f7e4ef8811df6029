import type { Database } from 'better-sqlite3';
import type { DocNode } from '../../shared/domain.ts';

/**
 * A Teams-style WebVTT transcript written for these tests (never the practice files): a "Last, First"
 * voice span, an unclosed span, an emoji and Finnish letters, and cues of one speaker to be joined.
 */
export const TEAMS_VTT = [
  'WEBVTT',
  '',
  '1a2b3c4d-0001/10-0',
  '00:00:04.500 --> 00:00:09.000',
  '<v Kaisa Lehto>Kiitos, että ehdit. Miten yhteistyö on sujunut?</v>',
  '',
  '1a2b3c4d-0002/11-0',
  '00:00:10.000 --> 00:00:15.000',
  '<v Mäkelä, Päivi>Toimitukset myöhästyvät aina 😤 ja laskutus on sekavaa.</v>',
  '',
  '1a2b3c4d-0003/12-0',
  '00:00:15.000 --> 00:00:18.000',
  '<v Mäkelä, Päivi>Jorma Salon kanssa puhuimme tästä, ja Salolle se sopi.',
  '',
  '1a2b3c4d-0004/13-0',
  '00:01:05.000 --> 00:01:09.000',
  '<v Jorma Salo>Päivi Mäkelälle luvattiin korjaus jo keväällä.</v>',
  '',
].join('\r\n');

export const base64 = (text: string | Uint8Array): string =>
  Buffer.from(typeof text === 'string' ? text : Buffer.from(text)).toString('base64');

/** Every row of every table, in a stable order: before and after must compare equal when nothing is written. */
export function dumpTables(db: Database): string {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  // Some tables are WITHOUT ROWID: rows are compared as text, sorted.
  return JSON.stringify(
    tables.map((name) => [
      name,
      (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort(),
    ]),
  );
}

/**
 * The document with `needle` (first found in a text node) under a coding mark, the text node split
 * around it, as the editor would store a selection coded there.
 */
export function codePassage(doc: DocNode, needle: string, codingId: string): DocNode {
  let done = false;
  const visit = (node: DocNode): DocNode => {
    if (done || !node.content) return node;
    const content = node.content.flatMap((child): DocNode[] => {
      if (done) return [child];
      if (child.type !== 'text') return [visit(child)];
      const text = child.text ?? '';
      const at = text.indexOf(needle);
      if (at < 0) return [child];
      done = true;
      const part = (piece: string, coded: boolean): DocNode[] =>
        piece
          ? [
              {
                ...child,
                text: piece,
                ...(coded || child.marks
                  ? {
                      marks: [
                        ...(child.marks ?? []),
                        ...(coded ? [{ type: 'coding', attrs: { id: codingId } }] : []),
                      ],
                    }
                  : {}),
              },
            ]
          : [];
      return [
        ...part(text.slice(0, at), false),
        ...part(needle, true),
        ...part(text.slice(at + needle.length), false),
      ];
    });
    return { ...node, content };
  };
  const result = visit(doc);
  if (!done) throw new Error(`"${needle}" is not in the notes`);
  return result;
}
