import type { Handlers } from '../../shared/contract.ts';
import { reviewIdentifiers } from '../report/review.ts';
import * as accountImport from '../services/accountImport.ts';
import * as accounts from '../services/accounts.ts';
import * as analysis from '../services/analysis/index.ts';
import * as backup from '../services/backup.ts';
import * as codebook from '../services/codebook.ts';
import * as codings from '../services/codings.ts';
import type { ServiceContext } from '../services/context.ts';
import { deleteWithImpact, deletionImpact } from '../services/deletion.ts';
import { createDemoWorkspace } from '../services/demo.ts';
import * as engagements from '../services/engagements.ts';
import { eraseInterviewee, erasurePreview, replaceBackupsAfterErasure } from '../services/erasure.ts';
import * as findings from '../services/findings.ts';
import * as identities from '../services/identities.ts';
import { withImportProgress } from '../services/importProgress.ts';
import * as interviews from '../services/interviews.ts';
import { saveNotes } from '../services/notes.ts';
import { findQuotes } from '../services/quotes.ts';
import * as relationships from '../services/relationships.ts';
import { startReportExport } from '../services/reports.ts';
import { codeSearchHits } from '../services/search/codeHits.ts';
import { search } from '../services/search/search.ts';
import * as settings from '../services/settings.ts';
import { importTranscript, previewTranscript } from '../services/transcriptImport.ts';
import * as trash from '../services/trash.ts';

/** Binds every contract method to its service. Input arrives already validated by the dispatcher. */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    workspaceStatus: () => ({ engagements: engagements.countEngagements(ctx), dbPath: ctx.dbPath }),
    createDemo: () => createDemoWorkspace(ctx),
    getSettings: () => settings.getSettings(ctx),
    updateSettings: (input) => settings.updateSettings(ctx, input),

    listEngagements: () => engagements.listEngagements(ctx),
    getEngagement: ({ id }) => engagements.getEngagement(ctx, id),
    createEngagement: (input) => engagements.createEngagement(ctx, input),
    updateEngagement: ({ id, patch }) => engagements.updateEngagement(ctx, id, patch),
    deleteEngagement: ({ id }) => deleteWithImpact(ctx, 'engagement', id),

    listAccounts: ({ engagementId }) => accounts.listAccounts(ctx, engagementId),
    createAccount: ({ engagementId, ...fields }) => accounts.createAccount(ctx, engagementId, fields),
    updateAccount: ({ id, patch }) => accounts.updateAccount(ctx, id, patch),
    deleteAccount: ({ id }) => deleteWithImpact(ctx, 'account', id),

    createInterviewee: ({ accountId, ...fields }) => accounts.createInterviewee(ctx, accountId, fields),
    updateInterviewee: ({ id, patch }) => accounts.updateInterviewee(ctx, id, patch),
    deleteInterviewee: ({ id }) => deleteWithImpact(ctx, 'interviewee', id),
    previewAccountImport: (request) =>
      withImportProgress(ctx, 'accounts', 'preview', (p) =>
        accountImport.previewAccountImport(ctx, request, p),
      ),
    importAccounts: (request) =>
      withImportProgress(ctx, 'accounts', 'import', (p) => accountImport.importAccounts(ctx, request, p)),

    listInterviews: ({ engagementId }) => interviews.listInterviews(ctx, engagementId),
    getInterview: ({ id }) => interviews.getInterviewDetail(ctx, id),
    createInterview: ({ engagementId, ...fields }) => interviews.createInterview(ctx, engagementId, fields),
    updateInterview: ({ id, patch }) => interviews.updateInterview(ctx, id, patch),
    deleteInterview: ({ id }) => deleteWithImpact(ctx, 'interview', id),
    saveNotes: ({ interviewId, doc, codings: created, baseRevision }) =>
      saveNotes(ctx, interviewId, doc, created, baseRevision),
    interviewClock: ({ id, action }) => interviews.interviewClock(ctx, id, action),
    previewTranscript: (source) =>
      withImportProgress(ctx, 'transcript', 'preview', (p) => previewTranscript(ctx, source, p)),
    importTranscript: (request) =>
      withImportProgress(ctx, 'transcript', 'import', (p) => importTranscript(ctx, request, p)),

    addRelationship: ({ interviewId, ...fields }) => relationships.addRelationship(ctx, interviewId, fields),
    updateRelationship: ({ id, patch }) => relationships.updateRelationship(ctx, id, patch),
    removeRelationship: ({ id }) => relationships.removeRelationship(ctx, id),

    deletionImpact: ({ kind, id }) => deletionImpact(ctx, kind, id),
    erasurePreview: ({ id }) => erasurePreview(ctx, id),
    eraseInterviewee: (request) => eraseInterviewee(ctx, request.id, request),

    listIdentities: ({ engagementId }) => identities.listIdentities(ctx, engagementId),
    identityRegister: ({ engagementId }) => identities.buildRegister(ctx, engagementId),
    createIdentity: ({ engagementId, ...fields }) => identities.createIdentity(ctx, engagementId, fields),
    updateIdentity: ({ id, patch }) => identities.updateIdentity(ctx, id, patch),
    reviewIdentifiers: (request) => reviewIdentifiers(ctx, request),
    decideIdentifier: (decision) => identities.decideIdentifier(ctx, decision),
    replaceBackups: () => replaceBackupsAfterErasure(ctx),

    getCodebook: ({ engagementId }) => codebook.getCodebook(ctx, engagementId),
    createCode: (input) => codebook.createCode(ctx, input),
    updateCode: ({ id, patch }) => codebook.updateCode(ctx, id, patch),
    mergeCodes: ({ sourceId, targetId }) => codebook.mergeCodes(ctx, sourceId, targetId),
    codeDeletionImpact: ({ id }) => codebook.codeDeletionImpact(ctx, id),
    deleteCode: ({ id }) => codebook.deleteCode(ctx, id),

    listCodings: ({ interviewId }) => codings.listCodings(ctx, interviewId),
    updateCoding: ({ id, patch }) => codings.updateCoding(ctx, id, patch),
    copyCodings: ({ interviewId, copies }) => codings.copyCodings(ctx, interviewId, copies),
    findQuotes: (query) => findQuotes(ctx, query),

    listFindings: ({ engagementId }) => findings.listFindings(ctx, engagementId),
    createFinding: ({ engagementId, ...fields }) => findings.createFinding(ctx, engagementId, fields),
    updateFinding: ({ id, patch }) => findings.updateFinding(ctx, id, patch),
    moveFinding: ({ id, to }) => findings.moveFinding(ctx, id, to),
    deleteFinding: ({ id }) => findings.deleteFinding(ctx, id),

    listTrash: () => trash.listTrash(ctx),
    restoreFromTrash: ({ id }) => trash.restoreFromTrash(ctx, id),
    deleteFromTrash: ({ id }) => trash.deleteFromTrash(ctx, id),
    emptyTrash: () => trash.emptyTrash(ctx),
    suggestQuotes: ({ id }) => findings.suggestQuotes(ctx, id),

    search: (query) => search(ctx, query),
    codeSearchHits: (input) => codeSearchHits(ctx, input),

    startReportExport: (request) => startReportExport(ctx, request),

    engagementStats: ({ engagementId }) => analysis.engagementStats(ctx, engagementId),
    benchmarkChoice: ({ engagementId }) => analysis.benchmarkChoice(ctx, engagementId),
    setBenchmarkComparators: ({ engagementId, comparatorIds }) =>
      analysis.setBenchmarkComparators(ctx, engagementId, comparatorIds),
    portfolio: () => analysis.portfolio(ctx),

    listBackups: () => backup.listBackups(ctx),
    createBackup: () => backup.createBackup(ctx, 'manual', settings.getSettings(ctx).backupsKept),
    restoreBackup: ({ path }) => backup.restoreBackup(ctx, path),
  };
}
