import { randomUUID } from 'node:crypto';
import { constants, copyFileSync, linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { KuuloError } from '../base/errors.ts';

/**
 * What an export does when its file name is taken: take the next free one ("Name (2).pptx"), refuse,
 * or replace it (the command line's --force).
 */
export type Existing = 'next-free' | 'refuse' | 'replace';

/**
 * Where an export named `fileName` goes in the export folder, with its extension (typed or not). A
 * name without a letter or digit ("..", ".docx") or one that leads out of the folder is refused.
 */
export function exportPath(folder: string, fileName: string, extension: string): string {
  const base = fileName.replace(new RegExp(`\\.${extension}$`, 'i'), '');
  const path = join(folder, `${base}.${extension}`);
  if (!/[\p{L}\p{N}]/u.test(base) || resolve(dirname(path)) !== resolve(folder)) {
    throw new KuuloError('fileNameNeedsLetters');
  }
  return path;
}

/** "Name.pptx" → "Name (2).pptx". */
const numbered = (path: string, n: number): string => {
  const ext = extname(path);
  return n === 1 ? path : `${path.slice(0, path.length - ext.length)} (${n})${ext}`;
};

/**
 * Writes an export's bytes and returns where they went. The file appears whole or not at all: it is
 * written beside the target first. An earlier file is never written over unless asked: the name is
 * claimed at the moment of writing by a hard link, which fails when the name exists, so two exports
 * that start together, or a file saved meanwhile under the name, each keep their own.
 */
export function writeNewFile(path: string, bytes: Uint8Array, existing: Existing): string {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${randomUUID().slice(0, 8)}.partial`;
  writeFileSync(temporary, bytes);
  try {
    if (existing === 'replace') {
      renameSync(temporary, path);
      return path;
    }
    for (let n = 1; ; n++) {
      const candidate = numbered(path, n);
      try {
        claim(temporary, candidate);
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (existing === 'refuse') throw new KuuloError('exportFileExists', { path: candidate });
      }
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Puts the written file under `path` unless something is there already (EEXIST). */
function claim(temporary: string, path: string): void {
  try {
    linkSync(temporary, path);
  } catch (error) {
    // A drive without hard links (FAT, some network shares): an exclusive copy still never overwrites.
    if (!['EPERM', 'ENOTSUP', 'EXDEV', 'ENOSYS'].includes((error as NodeJS.ErrnoException).code ?? ''))
      throw error;
    copyFileSync(temporary, path, constants.COPYFILE_EXCL);
  }
}
