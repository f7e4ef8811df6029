import { isDeepStrictEqual } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import type { Method } from '../../shared/contract.ts';
import { openTestWorkspace } from '../helpers/workspace.ts';

/**
 * The core host sends results to the renderer as JSON text (see electron/core/messages.ts), where IPC
 * used to clone them: nothing a screen reads may change on the way (no NaN, Infinity, undefined in a
 * list, Date or Map). Every read of the demo workspace goes through JSON and must come back the same.
 */
const ws = openTestWorkspace();
afterAll(() => ws.close());

test('every read of the demo workspace comes through the JSON transport unchanged', () => {
  ws.call('createDemo', {});
  const engagements = ws.call('listEngagements', {});
  const reads: [Method, unknown][] = [
    ['workspaceStatus', {}],
    ['getSettings', {}],
    ['listEngagements', {}],
    ['portfolio', {}],
    ['listTrash', {}],
    ['listBackups', {}],
    ['getCodebook', {}],
  ];
  for (const { id: engagementId } of engagements) {
    reads.push(
      ['getEngagement', { id: engagementId }],
      ['listAccounts', { engagementId }],
      ['listInterviews', { engagementId }],
      ['engagementStats', { engagementId }],
      ['listFindings', { engagementId }],
      ['listIdentities', { engagementId }],
      ['identityRegister', { engagementId }],
      ['getCodebook', { engagementId }],
      ['reviewIdentifiers', { engagementId, anonymize: 'people' }],
    );
    const codeIds = new Set<string>();
    for (const interview of ws.call('listInterviews', { engagementId })) {
      reads.push(['getInterview', { id: interview.id }], ['listCodings', { interviewId: interview.id }]);
      for (const coding of ws.call('listCodings', { interviewId: interview.id })) codeIds.add(coding.codeId);
    }
    if (codeIds.size) reads.push(['findQuotes', { engagementId, codeIds: [...codeIds].slice(0, 50) }]);
  }
  const changed: string[] = [];
  for (const [method, input] of reads) {
    const result = ws.raw(method, input);
    expect(result.ok, `${method} ${JSON.stringify(input)}`).toBe(true);
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(result)), result)) changed.push(method);
  }
  expect(reads.length).toBeGreaterThan(50);
  expect([...new Set(changed)]).toEqual([]);
});
