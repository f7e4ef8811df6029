import { readFileSync, statSync } from 'node:fs';
import type { Language } from '../../shared/domain.ts';
import { type Formatter, formatter, type PluralKey } from '../../shared/format.ts';
import { resources } from '../../shared/i18n/index.ts';
import type { ImportWarning, SpeakerMapping, SpeakerRole, TranscriptPreview } from '../../shared/import.ts';
import { formatClock } from '../../shared/import.ts';
import { KuuloError } from '../base/errors.ts';
import { getSettings } from '../services/settings.ts';
import type { CliCommand } from './commands.ts';
import { cliLanguage } from './language.ts';
import { CliError, cliError } from './workspace.ts';

type Values = Parameters<CliCommand['run']>[1];

/** "Name=interviewee:ID", "Name=interviewer" or "Name=other"; the name may itself hold "=" ("A=B=other"). */
export function parseSpeaker(option: string): SpeakerMapping {
  const at = option.lastIndexOf('=');
  const name = option.slice(0, at).trim();
  const target = option.slice(at + 1).trim();
  const [role, id] = target.split(':', 2) as [string, string | undefined];
  if (at < 1 || !name || !['interviewee', 'interviewer', 'other'].includes(role))
    throw cliError('cliSpeaker', { value: option });
  if ((role === 'interviewee') !== !!id) throw cliError('cliSpeaker', { value: option });
  return role === 'interviewee'
    ? { name, as: 'interviewee', intervieweeId: id }
    : { name, as: role as SpeakerRole };
}

async function readSource(values: Values) {
  // The import pipeline loads with this command only, not with every other one.
  const { MAX_TRANSCRIPT_BYTES } = await import('../services/import/index.ts');
  const file = values.file;
  if (typeof file !== 'string' || !file) throw cliError('cliMissingOption', { option: 'file' });
  let data: Buffer;
  try {
    // Checked before reading: a 4 GB file is refused, not loaded.
    if (statSync(file).size > MAX_TRANSCRIPT_BYTES)
      throw new KuuloError('transcriptRefused', {
        reason: 'tooLarge',
        params: { maxMb: MAX_TRANSCRIPT_BYTES / 1024 / 1024 },
      });
    data = readFileSync(file);
  } catch (error) {
    if (error instanceof KuuloError) throw new CliError(error.message, error.detail);
    throw cliError('cliNoFile', { path: file });
  }
  const engagementId = values.engagement;
  if (typeof engagementId !== 'string' || !engagementId)
    throw cliError('cliMissingOption', { option: 'engagement' });
  return {
    engagementId,
    ...(typeof values.interview === 'string' ? { interviewId: values.interview } : {}),
    ...(typeof values.account === 'string' ? { accountId: values.account } : {}),
    fileName: file.split(/[\\/]/).pop() ?? file,
    data: data.toString('base64'),
  };
}

type Messages = (typeof resources)['en']['translation']['transcriptImport'];

/** A warning's text; those with a count have i18next's _one/_other forms. */
function warningText(t: Messages, f: Formatter, warning: ImportWarning): string {
  const params = warning.params as Record<string, number>;
  if (typeof params.count === 'number')
    return f.plural(t.warning, warning.key as PluralKey<Messages['warning']>, params.count, params);
  return f.fill(t.warning[warning.key as keyof Messages['warning']], params);
}

function mappingText(mapping: SpeakerMapping, preview: TranscriptPreview): string {
  if (mapping.as !== 'interviewee') return mapping.as;
  const person = preview.people.find((p) => p.id === mapping.intervieweeId);
  return `interviewee ${person?.name ?? ''} (${mapping.intervieweeId})`;
}

function previewText(
  preview: TranscriptPreview,
  mappings: readonly SpeakerMapping[],
  language: Language,
): string {
  const t = resources[language].translation.transcriptImport;
  const f = formatter(language);
  const lines = [
    `${preview.fileName}: ${t.formats[preview.format]}`,
    [
      f.plural(t, 'passages', preview.cues),
      f.plural(t, 'paragraphs', preview.turns),
      f.plural(t, 'words', preview.words),
    ].join(' · '),
    '',
    `${t.speakers}:`,
    ...(preview.speakers.length
      ? preview.speakers.map((s) => {
          const mapping = mappings.find((m) => m.name === s.name) ?? s.suggested;
          return `  ${s.name} (${f.plural(t, 'passages', s.cues)}, ${f.plural(t, 'words', s.words)}) → ${mappingText(mapping, preview)}`;
        })
      : [`  ${t.noSpeakers}`]),
    '',
    `${t.firstLines}:`,
    ...preview.firstLines.map((turn) => {
      const time = turn.startMs === null ? '' : `${formatClock(turn.startMs)}  `;
      return `  ${time}${turn.speaker ? `${turn.speaker}: ` : ''}${turn.text}`;
    }),
  ];
  if (preview.warnings.length)
    lines.push('', `${t.warnings}:`, ...preview.warnings.map((w) => `  ${warningText(t, f, w)}`));
  return lines.join('\n');
}

export const importCommand: CliCommand = {
  summary:
    'bring a transcript (.vtt, .srt, .sbv, .txt, .docx) into an interview: --engagement ID --file PATH (--interview ID | --account ID) [--speaker "Name=interviewee:ID|interviewer|other" …] [--dry-run]',
  options: {
    engagement: { type: 'string' },
    file: { type: 'string' },
    interview: { type: 'string' },
    account: { type: 'string' },
    speaker: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean', default: false },
  },
  run: async (call, values, ctx) => {
    // Printed in the workspace's language, as errors are (KUULO_LANG overrides it for one run).
    const language = cliLanguage(process.env, getSettings(ctx).language);
    const source = await readSource(values);
    const given = ((values.speaker as string[] | undefined) ?? []).map(parseSpeaker);
    const preview = await call('previewTranscript', source);
    // The original spelling ("Virtanen, Matti") names the same speaker as the shown one.
    const named = given.map((m) => ({
      ...m,
      name: preview.speakers.find((s) => s.original === m.name)?.name ?? m.name,
    }));
    if (values['dry-run']) return { json: preview, text: previewText(preview, named, language) };
    const { interviewId } = await call('importTranscript', { ...source, speakers: named });
    const speakers = preview.speakers.map((s) => named.find((m) => m.name === s.name) ?? s.suggested);
    return {
      json: { interviewId, created: !source.interviewId, ...preview, speakers },
      text: `${previewText(preview, speakers, language)}\n\n${formatter(language).fill(resources[language].translation.transcriptImport.importedInto, { interviewId })}`,
    };
  },
};
