import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/contract.ts';
import type { Guide, GuideQuestion, GuideSection, GuideTemplate } from '../../../shared/guide.ts';
import { FEEDS, type Feeds, SCALES, type Scale } from '../../../shared/scales.ts';
import { kuulo } from '../bridge.ts';
import { type Field, type FieldValue, FormDialog } from '../components/FormDialog.tsx';
import { RowMenu } from '../components/RowMenu.tsx';
import { attempt, unwrap } from '../store/notify.ts';
import { useWorkspace } from '../store/workspace.ts';

type DialogState =
  | { kind: 'section'; section: GuideSection | null }
  | { kind: 'question'; sectionId: string; question: GuideQuestion | null }
  | { kind: 'saveTemplate' }
  | { kind: 'delete'; what: 'section' | 'question'; id: string; text: string };

const questionFields = (t: TFunction): Field[] => [
  { name: 'text', label: t('guide.questionText'), kind: 'textarea', required: true },
  { name: 'help', label: t('guide.help'), kind: 'textarea', hint: t('guide.helpHint') },
  {
    name: 'scale',
    label: t('guide.scale'),
    kind: 'select',
    required: true,
    options: SCALES.map((s) => ({ value: s, label: t(`guide.scaleNames.${s}`) })),
  },
  {
    name: 'feeds',
    label: t('guide.feeds'),
    kind: 'select',
    hint: t('guide.feedsHint'),
    options: [
      { value: '', label: t('guide.feedsNames.none') },
      ...FEEDS.map((f) => ({ value: f, label: t(`guide.feedsNames.${f}`) })),
    ],
  },
];

const str = (v: FieldValue | undefined) => (typeof v === 'string' ? v : '');

/** The engagement's interview guide: sections and questions to edit, templates to start from or save to. */
export function GuideView({ engagementId }: { engagementId: string }) {
  const { t } = useTranslation();
  const [guide, setGuide] = useState<Guide | null>(null);
  const [templates, setTemplates] = useState<GuideTemplate[]>([]);
  const [templateId, setTemplateId] = useState('');
  const [copyFrom, setCopyFrom] = useState('');
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const engagements = useWorkspace((s) => s.engagements);
  const language = useWorkspace((s) => s.current?.engagement.language);

  useEffect(() => {
    void attempt(async () => {
      setGuide(await unwrap(kuulo.getGuide({ engagementId })));
      const list = await unwrap(kuulo.listGuideTemplates({}));
      setTemplates(list);
      setTemplateId(list.find((tpl) => tpl.language === language)?.id ?? list[0]?.id ?? '');
    });
  }, [engagementId, language]);

  const change = (pending: Promise<Result<Guide>>) => attempt(async () => setGuide(await unwrap(pending)));
  if (!guide) return <p className="loading">{t('app.loading')}</p>;
  const others = (engagements ?? []).filter((e) => e.id !== engagementId);
  const close = () => setDialog(null);

  return (
    <section className="guide-view">
      <div className="section-actions guide-sources">
        <label className="field inline">
          <span className="field-label">{t('guide.template')}</span>
          <select value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name} ({tpl.language.toUpperCase()},{' '}
                {t('guide.questionCount', { count: tpl.questionCount })})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={!templateId}
          onClick={() => void change(kuulo.applyGuideTemplate({ engagementId, templateId }))}
        >
          {guide.sections.length ? t('guide.appendTemplate') : t('guide.useTemplate')}
        </button>
        {others.length > 0 && (
          <>
            <label className="field inline">
              <span className="field-label">{t('guide.copyFrom')}</span>
              <select value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)}>
                <option value="">{t('guide.chooseEngagement')}</option>
                {others.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.clientName} · {e.title}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              disabled={!copyFrom}
              onClick={() =>
                void change(kuulo.copyGuide({ fromEngagementId: copyFrom, toEngagementId: engagementId }))
              }
            >
              {t('guide.copy')}
            </button>
          </>
        )}
        {guide.sections.length > 0 && (
          <button type="button" onClick={() => setDialog({ kind: 'saveTemplate' })}>
            {t('guide.saveTemplate')}
          </button>
        )}
      </div>

      {guide.sections.length === 0 && <p className="empty">{t('guide.empty')}</p>}
      {guide.sections.map((section, sectionIndex) => (
        <section key={section.id} className="panel guide-edit-section">
          <div className="guide-edit-head">
            <h2>{section.title}</h2>
            <RowMenu
              label={t('guide.sectionActions', { title: section.title })}
              items={[
                { label: t('app.edit'), onSelect: () => setDialog({ kind: 'section', section }) },
                ...(sectionIndex > 0
                  ? [
                      {
                        label: t('guide.moveUp'),
                        onSelect: () =>
                          void change(kuulo.moveGuideSection({ id: section.id, to: sectionIndex - 1 })),
                      },
                    ]
                  : []),
                ...(sectionIndex < guide.sections.length - 1
                  ? [
                      {
                        label: t('guide.moveDown'),
                        onSelect: () =>
                          void change(kuulo.moveGuideSection({ id: section.id, to: sectionIndex + 1 })),
                      },
                    ]
                  : []),
                {
                  label: t('app.delete'),
                  onSelect: () =>
                    setDialog({ kind: 'delete', what: 'section', id: section.id, text: section.title }),
                },
              ]}
            />
          </div>
          <ol className="guide-edit-questions">
            {section.questions.map((q, index) => (
              <li key={q.id}>
                <span className="guide-number">
                  {t('guide.questionShort')}
                  {q.number}
                </span>
                <div>
                  <p className="guide-edit-text">{q.text}</p>
                  {q.help && <p className="muted small">{q.help}</p>}
                </div>
                <span className="badge">{t(`guide.scaleNames.${q.scale}`)}</span>
                <span className="small muted">{q.feeds ? t(`guide.feedsNames.${q.feeds}`) : ''}</span>
                <RowMenu
                  label={t('guide.questionActions', { number: q.number })}
                  items={[
                    {
                      label: t('app.edit'),
                      onSelect: () => setDialog({ kind: 'question', sectionId: section.id, question: q }),
                    },
                    ...(index > 0
                      ? [
                          {
                            label: t('guide.moveUp'),
                            onSelect: () => void change(kuulo.moveGuideQuestion({ id: q.id, to: index - 1 })),
                          },
                        ]
                      : []),
                    ...(index < section.questions.length - 1
                      ? [
                          {
                            label: t('guide.moveDown'),
                            onSelect: () => void change(kuulo.moveGuideQuestion({ id: q.id, to: index + 1 })),
                          },
                        ]
                      : []),
                    {
                      label: t('app.delete'),
                      onSelect: () =>
                        setDialog({
                          kind: 'delete',
                          what: 'question',
                          id: q.id,
                          text: `${t('guide.questionShort')}${q.number}`,
                        }),
                    },
                  ]}
                />
              </li>
            ))}
          </ol>
          <button
            type="button"
            onClick={() => setDialog({ kind: 'question', sectionId: section.id, question: null })}
          >
            + {t('guide.addQuestion')}
          </button>
        </section>
      ))}
      <button type="button" className="primary" onClick={() => setDialog({ kind: 'section', section: null })}>
        + {t('guide.addSection')}
      </button>

      {dialog?.kind === 'section' && (
        <FormDialog
          title={dialog.section ? t('guide.editSection') : t('guide.addSection')}
          fields={[{ name: 'title', label: t('guide.sectionTitle'), kind: 'text', required: true }]}
          initial={{ title: dialog.section?.title ?? '' }}
          submitLabel={t('app.save')}
          onClose={close}
          onSubmit={async (v) => {
            const title = str(v.title);
            setGuide(
              await unwrap(
                dialog.section
                  ? kuulo.updateGuideSection({ id: dialog.section.id, patch: { title } })
                  : kuulo.createGuideSection({ engagementId, title }),
              ),
            );
          }}
        />
      )}
      {dialog?.kind === 'question' && (
        <FormDialog
          title={dialog.question ? t('guide.editQuestion') : t('guide.addQuestion')}
          fields={questionFields(t)}
          initial={{
            text: dialog.question?.text ?? '',
            help: dialog.question?.help ?? '',
            scale: dialog.question?.scale ?? 'open',
            feeds: dialog.question?.feeds ?? '',
          }}
          submitLabel={t('app.save')}
          onClose={close}
          onSubmit={async (v) => {
            const fields = {
              text: str(v.text),
              help: str(v.help),
              scale: str(v.scale) as Scale,
              feeds: (str(v.feeds) || null) as Feeds | null,
            };
            setGuide(
              await unwrap(
                dialog.question
                  ? kuulo.updateGuideQuestion({ id: dialog.question.id, patch: fields })
                  : kuulo.createGuideQuestion({ sectionId: dialog.sectionId, ...fields }),
              ),
            );
          }}
        />
      )}
      {dialog?.kind === 'saveTemplate' && (
        <FormDialog
          title={t('guide.saveTemplate')}
          fields={[{ name: 'name', label: t('guide.templateName'), kind: 'text', required: true }]}
          initial={{ name: '' }}
          submitLabel={t('app.save')}
          onClose={close}
          onSubmit={async (v) => {
            await unwrap(kuulo.saveGuideTemplate({ engagementId, name: str(v.name) }));
            setTemplates(await unwrap(kuulo.listGuideTemplates({})));
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <FormDialog
          title={t(dialog.what === 'section' ? 'guide.deleteSection' : 'guide.deleteQuestion', {
            name: dialog.text,
          })}
          fields={[]}
          initial={{}}
          submitLabel={t('app.delete')}
          onClose={close}
          onSubmit={async () => {
            setGuide(
              await unwrap(
                dialog.what === 'section'
                  ? kuulo.deleteGuideSection({ id: dialog.id })
                  : kuulo.deleteGuideQuestion({ id: dialog.id }),
              ),
            );
          }}
        />
      )}
    </section>
  );
}
