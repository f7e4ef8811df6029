import type { Handlers } from '../../shared/contract.ts';
import type { ServiceContext } from '../services/context.ts';
import type { ProgressReporter } from '../services/importProgress.ts';
import { type OnDemand, onDemand } from './onDemand.ts';

// Each service module is imported the first time one of its methods is called (see onDemand.ts): a
// read-only command loads the contract, the database and the one service it uses, not all of them.
const accounts = onDemand(() => import('../services/accounts.ts'));
const actions = onDemand(() => import('../services/actions.ts'));
const analysis = onDemand(() => import('../services/analysis/index.ts'));
const backup = onDemand(() => import('../services/backup.ts'));
const codebook = onDemand(() => import('../services/codebook.ts'));
const codings = onDemand(() => import('../services/codings.ts'));
const deletion = onDemand(() => import('../services/deletion.ts'));
const demo = onDemand(() => import('../services/demo.ts'));
const engagements = onDemand(() => import('../services/engagements.ts'));
const erasure = onDemand(() => import('../services/erasure.ts'));
const guide = onDemand(() => import('../services/guide.ts'));
const answers = onDemand(() => import('../services/answers.ts'));
const findings = onDemand(() => import('../services/findings.ts'));
const identities = onDemand(() => import('../services/identities.ts'));
const interviews = onDemand(() => import('../services/interviews.ts'));
const notes = onDemand(() => import('../services/notes.ts'));
const quotes = onDemand(() => import('../services/quotes.ts'));
const quotesExport = onDemand(() => import('../report/quotesExport.ts'));
const relationships = onDemand(() => import('../services/relationships.ts'));
const reports = onDemand(() => import('../services/reports.ts'));
const review = onDemand(() => import('../report/review.ts'));
const codeHits = onDemand(() => import('../services/search/codeHits.ts'));
const search = onDemand(() => import('../services/search/search.ts'));
const settings = onDemand(() => import('../services/settings.ts'));
const trash = onDemand(() => import('../services/trash.ts'));
const waves = onDemand(() => import('../services/waves.ts'));
const waveComparison = onDemand(() => import('../services/waveComparison.ts'));

// A method that needs two modules loads them as one unit: onDemand refuses a call nested in another's,
// which would join the end of the line behind calls that arrived after it.
const importProgressModule = () => import('../services/importProgress.ts');
const backupWithSettings = onDemand(() =>
  Promise.all([import('../services/settings.ts'), import('../services/backup.ts')]),
);
const accountImport = onDemand(() =>
  Promise.all([importProgressModule(), import('../services/accountImport.ts')]),
);
const transcriptImport = onDemand(() =>
  Promise.all([importProgressModule(), import('../services/transcriptImport.ts')]),
);
type ImportProgressModule = Awaited<ReturnType<typeof importProgressModule>>;

/**
 * Binds every contract method to its service. Input arrives already validated by the dispatcher. A
 * method whose module is not loaded yet answers with a promise; the dispatcher makes that a `Pending`.
 */
export function createHandlers(ctx: ServiceContext): Handlers {
  // A preview or import of a file announces its stages and end as `importProgress` events.
  const withImportProgress = <M, T>(
    service: OnDemand<[ImportProgressModule, M]>,
    kind: 'transcript' | 'accounts',
    step: 'preview' | 'import',
    work: (module: M, progress: ProgressReporter) => T,
  ) => service(([p, m]) => p.withImportProgress(ctx, kind, step, (progress) => work(m, progress)));
  return {
    workspaceStatus: () => engagements((m) => ({ engagements: m.countEngagements(ctx), dbPath: ctx.dbPath })),
    createDemo: () => demo((m) => m.createDemoWorkspace(ctx)),
    getSettings: () => settings((m) => m.getSettings(ctx)),
    updateSettings: (input) => settings((m) => m.updateSettings(ctx, input)),

    listEngagements: () => engagements((m) => m.listEngagements(ctx)),
    getEngagement: ({ id }) => engagements((m) => m.getEngagement(ctx, id)),
    createEngagement: (input) => engagements((m) => m.createEngagement(ctx, input)),
    updateEngagement: ({ id, patch }) => engagements((m) => m.updateEngagement(ctx, id, patch)),
    deleteEngagement: ({ id }) => deletion((m) => m.deleteWithImpact(ctx, 'engagement', id)),
    createWave: ({ fromEngagementId, ...fields }) =>
      waves((m) => m.createWave(ctx, fromEngagementId, fields)),
    linkWave: ({ engagementId, previousEngagementId }) =>
      waves((m) => m.linkWave(ctx, engagementId, previousEngagementId)),
    waveCarryOver: ({ engagementId }) => waves((m) => m.waveCarryOver(ctx, engagementId)),
    waveComparison: ({ engagementId }) => waveComparison((m) => m.waveComparison(ctx, engagementId)),

    listAccounts: ({ engagementId }) => accounts((m) => m.listAccounts(ctx, engagementId)),
    createAccount: ({ engagementId, ...fields }) =>
      accounts((m) => m.createAccount(ctx, engagementId, fields)),
    updateAccount: ({ id, patch }) => accounts((m) => m.updateAccount(ctx, id, patch)),
    deleteAccount: ({ id }) => deletion((m) => m.deleteWithImpact(ctx, 'account', id)),

    createInterviewee: ({ accountId, ...fields }) =>
      accounts((m) => m.createInterviewee(ctx, accountId, fields)),
    updateInterviewee: ({ id, patch }) => accounts((m) => m.updateInterviewee(ctx, id, patch)),
    deleteInterviewee: ({ id }) => deletion((m) => m.deleteWithImpact(ctx, 'interviewee', id)),
    previewAccountImport: (request) =>
      withImportProgress(accountImport, 'accounts', 'preview', (m, p) =>
        m.previewAccountImport(ctx, request, p),
      ),
    importAccounts: (request) =>
      withImportProgress(accountImport, 'accounts', 'import', (m, p) => m.importAccounts(ctx, request, p)),

    listInterviews: ({ engagementId }) => interviews((m) => m.listInterviews(ctx, engagementId)),
    getInterview: ({ id }) => interviews((m) => m.getInterviewDetail(ctx, id)),
    createInterview: ({ engagementId, ...fields }) =>
      interviews((m) => m.createInterview(ctx, engagementId, fields)),
    updateInterview: ({ id, patch }) => interviews((m) => m.updateInterview(ctx, id, patch)),
    deleteInterview: ({ id }) => deletion((m) => m.deleteWithImpact(ctx, 'interview', id)),
    saveNotes: ({ interviewId, doc, codings: created, baseRevision }) =>
      notes((m) => m.saveNotes(ctx, interviewId, doc, created, baseRevision)),
    interviewClock: ({ id, action }) => interviews((m) => m.interviewClock(ctx, id, action)),
    previewTranscript: (source) =>
      withImportProgress(transcriptImport, 'transcript', 'preview', (m, p) =>
        m.previewTranscript(ctx, source, p),
      ),
    importTranscript: (request) =>
      withImportProgress(transcriptImport, 'transcript', 'import', (m, p) =>
        m.importTranscript(ctx, request, p),
      ),

    addRelationship: ({ interviewId, ...fields }) =>
      relationships((m) => m.addRelationship(ctx, interviewId, fields)),
    updateRelationship: ({ id, patch }) => relationships((m) => m.updateRelationship(ctx, id, patch)),
    removeRelationship: ({ id }) => relationships((m) => m.removeRelationship(ctx, id)),

    deletionImpact: ({ kind, id }) => deletion((m) => m.deletionImpact(ctx, kind, id)),
    erasurePreview: ({ id }) => erasure((m) => m.erasurePreview(ctx, id)),
    eraseInterviewee: (request) => erasure((m) => m.eraseInterviewee(ctx, request.id, request)),

    listIdentities: ({ engagementId }) => identities((m) => m.listIdentities(ctx, engagementId)),
    identityRegister: ({ engagementId }) => identities((m) => m.buildRegister(ctx, engagementId)),
    createIdentity: ({ engagementId, ...fields }) =>
      identities((m) => m.createIdentity(ctx, engagementId, fields)),
    updateIdentity: ({ id, patch }) => identities((m) => m.updateIdentity(ctx, id, patch)),
    reviewIdentifiers: (request) => review((m) => m.reviewIdentifiers(ctx, request)),
    decideIdentifier: (decision) => identities((m) => m.decideIdentifier(ctx, decision)),
    replaceBackups: () => erasure((m) => m.replaceBackupsAfterErasure(ctx)),

    getCodebook: ({ engagementId }) => codebook((m) => m.getCodebook(ctx, engagementId)),
    createCode: (input) => codebook((m) => m.createCode(ctx, input)),
    updateCode: ({ id, patch }) => codebook((m) => m.updateCode(ctx, id, patch)),
    mergeCodes: ({ sourceId, targetId }) => codebook((m) => m.mergeCodes(ctx, sourceId, targetId)),
    codeDeletionImpact: ({ id }) => codebook((m) => m.codeDeletionImpact(ctx, id)),
    deleteCode: ({ id }) => codebook((m) => m.deleteCode(ctx, id)),

    listCodings: ({ interviewId }) => codings((m) => m.listCodings(ctx, interviewId)),
    updateCoding: ({ id, patch }) => codings((m) => m.updateCoding(ctx, id, patch)),
    copyCodings: ({ interviewId, copies }) => codings((m) => m.copyCodings(ctx, interviewId, copies)),
    findQuotes: (query) => quotes((m) => m.findQuotes(ctx, query)),

    listFindings: ({ engagementId }) => findings((m) => m.listFindings(ctx, engagementId)),
    createFinding: ({ engagementId, ...fields }) =>
      findings((m) => m.createFinding(ctx, engagementId, fields)),
    updateFinding: ({ id, patch }) => findings((m) => m.updateFinding(ctx, id, patch)),
    moveFinding: ({ id, to }) => findings((m) => m.moveFinding(ctx, id, to)),
    deleteFinding: ({ id }) => findings((m) => m.deleteFinding(ctx, id)),

    actionRegister: ({ engagementId }) => actions((m) => m.actionRegister(ctx, engagementId)),
    createAction: (input) => actions((m) => m.createAction(ctx, input)),
    updateAction: ({ id, patch }) => actions((m) => m.updateAction(ctx, id, patch)),
    deleteAction: ({ id }) => actions((m) => m.deleteAction(ctx, id)),
    moveAction: ({ id, to }) => actions((m) => m.moveAction(ctx, id, to)),
    actionFromRecommendation: ({ findingId }) => actions((m) => m.actionFromRecommendation(ctx, findingId)),
    actionFromFollowUp: (input) => actions((m) => m.actionFromFollowUp(ctx, input)),
    reviewAction: ({ id, status, note }) => actions((m) => m.reviewAction(ctx, id, status, note)),
    openActions: ({ engagementId, openOnly }) => actions((m) => m.openItems(ctx, engagementId, openOnly)),

    listTrash: () => trash((m) => m.listTrash(ctx)),
    restoreFromTrash: ({ id }) => trash((m) => m.restoreFromTrash(ctx, id)),
    deleteFromTrash: ({ id }) => trash((m) => m.deleteFromTrash(ctx, id)),
    emptyTrash: () => trash((m) => m.emptyTrash(ctx)),
    suggestQuotes: ({ id }) => findings((m) => m.suggestQuotes(ctx, id)),

    search: (query) => search((m) => m.search(ctx, query)),
    codeSearchHits: (input) => codeHits((m) => m.codeSearchHits(ctx, input)),

    startReportExport: (request) => reports((m) => m.startReportExport(ctx, request)),
    exportQuotes: (request) => quotesExport((m) => m.exportQuotes(ctx, request)),

    engagementStats: ({ engagementId }) => analysis((m) => m.engagementStats(ctx, engagementId)),
    benchmarkChoice: ({ engagementId }) => analysis((m) => m.benchmarkChoice(ctx, engagementId)),
    setBenchmarkComparators: ({ engagementId, comparatorIds }) =>
      analysis((m) => m.setBenchmarkComparators(ctx, engagementId, comparatorIds)),
    portfolio: () => analysis((m) => m.portfolio(ctx)),

    getGuide: ({ engagementId }) => guide((m) => m.getGuide(ctx, engagementId)),
    createGuideSection: ({ engagementId, ...fields }) =>
      guide((m) => m.createSection(ctx, engagementId, fields)),
    updateGuideSection: ({ id, patch }) =>
      guide((m) =>
        patch.title === undefined
          ? m.getGuideOfSection(ctx, id)
          : m.updateSection(ctx, id, { title: patch.title }),
      ),
    deleteGuideSection: ({ id }) => guide((m) => m.deleteSection(ctx, id)),
    moveGuideSection: ({ id, to }) => guide((m) => m.moveSection(ctx, id, to)),
    createGuideQuestion: ({ sectionId, ...fields }) => guide((m) => m.createQuestion(ctx, sectionId, fields)),
    updateGuideQuestion: ({ id, patch }) => guide((m) => m.updateQuestion(ctx, id, patch)),
    deleteGuideQuestion: ({ id }) => guide((m) => m.deleteQuestion(ctx, id)),
    moveGuideQuestion: ({ id, to, sectionId }) => guide((m) => m.moveQuestion(ctx, id, to, sectionId)),
    listGuideTemplates: () => guide((m) => m.listTemplates(ctx)),
    saveGuideTemplate: ({ engagementId, name }) => guide((m) => m.saveTemplate(ctx, engagementId, name)),
    applyGuideTemplate: ({ engagementId, templateId }) =>
      guide((m) => m.applyTemplate(ctx, engagementId, templateId)),
    deleteGuideTemplate: ({ id }) => guide((m) => m.deleteTemplate(ctx, id)),
    copyGuide: ({ fromEngagementId, toEngagementId }) =>
      guide((m) => m.copyGuide(ctx, fromEngagementId, toEngagementId)),
    setAnswer: ({ interviewId, questionId, value }) =>
      answers((m) => m.setAnswer(ctx, interviewId, questionId, value)),
    interviewAnswers: ({ interviewId }) => answers((m) => m.interviewAnswers(ctx, interviewId)),
    questionAnswers: ({ questionId, tier, roleLevel }) =>
      answers((m) => m.questionAnswers(ctx, questionId, { tier, roleLevel })),
    guideCoverage: ({ engagementId }) => answers((m) => m.guideCoverage(ctx, engagementId)),

    listBackups: () => backup((m) => m.listBackups(ctx)),
    createBackup: () =>
      backupWithSettings(([s, m]) => m.createBackup(ctx, 'manual', s.getSettings(ctx).backupsKept)),
    restoreBackup: ({ path }) => backup((m) => m.restoreBackup(ctx, path)),
  };
}
