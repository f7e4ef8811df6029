import type { TFunction } from 'i18next';
import {
  type Account,
  type AccountWithPeople,
  CONSENTS,
  ENGAGEMENT_STATUSES,
  type Engagement,
  IMPORTANCES,
  INTERVIEW_MODES,
  INTERVIEW_STATUSES,
  type Interviewee,
  LIFECYCLE_STAGES,
  ROLE_LEVELS,
  TIERS,
} from '../../../shared/domain.ts';
import type { Field, FieldValue } from '../components/FormDialog.tsx';
import { list, optional, optionalInt, str } from '../components/FormDialog.tsx';

type Values = Record<string, FieldValue>;

const options = <T extends string>(values: readonly T[], label: (v: T) => string) =>
  values.map((value) => ({ value, label: label(value) }));

export const engagementFields = (t: TFunction): Field[] => [
  { name: 'clientName', label: t('engagement.clientName'), kind: 'text', required: true },
  { name: 'title', label: t('engagement.title'), kind: 'text', required: true },
  { name: 'industry', label: t('engagement.industry'), kind: 'text' },
  {
    name: 'language',
    label: t('engagement.language'),
    kind: 'select',
    required: true,
    options: [
      { value: 'fi', label: 'Suomi' },
      { value: 'en', label: 'English' },
    ],
  },
  { name: 'periodStart', label: t('engagement.periodStart'), kind: 'date' },
  { name: 'periodEnd', label: t('engagement.periodEnd'), kind: 'date' },
  {
    name: 'status',
    label: t('engagement.status'),
    kind: 'select',
    required: true,
    options: options(ENGAGEMENT_STATUSES, (s) => t(`engagement.statuses.${s}`)),
  },
  { name: 'purpose', label: t('engagement.purpose'), kind: 'textarea' },
];

export const engagementValues = (e?: Engagement, language = 'fi'): Values => ({
  clientName: e?.clientName ?? '',
  title: e?.title ?? '',
  industry: e?.industry ?? '',
  language: e?.language ?? language,
  periodStart: e?.periodStart ?? '',
  periodEnd: e?.periodEnd ?? '',
  status: e?.status ?? 'active',
  purpose: e?.purpose ?? '',
});

export const engagementInput = (v: Values) => ({
  clientName: str(v.clientName),
  title: str(v.title),
  industry: str(v.industry),
  language: str(v.language) === 'en' ? ('en' as const) : ('fi' as const),
  periodStart: optional(v.periodStart),
  periodEnd: optional(v.periodEnd),
  status: str(v.status) as Engagement['status'],
  purpose: str(v.purpose),
});

export const accountFields = (t: TFunction): Field[] => [
  { name: 'name', label: t('account.name'), kind: 'text', required: true },
  {
    name: 'tier',
    label: t('account.tier'),
    kind: 'select',
    required: true,
    options: options(TIERS, (v) => t(`account.tiers.${v}`)),
  },
  {
    name: 'importance',
    label: t('account.importance'),
    kind: 'select',
    options: options(IMPORTANCES, (v) => t(`account.importances.${v}`)),
  },
  {
    name: 'lifecycle',
    label: t('account.lifecycle'),
    kind: 'select',
    options: options(LIFECYCLE_STAGES, (v) => t(`account.lifecycles.${v}`)),
  },
  { name: 'revenue', label: t('account.revenue'), kind: 'number' },
];

export const accountValues = (a?: Account): Values => ({
  name: a?.name ?? '',
  tier: a?.tier ?? 'named',
  importance: a?.importance ?? '',
  lifecycle: a?.lifecycle ?? '',
  revenue: a?.revenue === null || a?.revenue === undefined ? '' : String(a.revenue),
});

export const accountInput = (v: Values) => ({
  name: str(v.name),
  tier: str(v.tier) as Account['tier'],
  importance: optional(v.importance) as Account['importance'],
  lifecycle: optional(v.lifecycle) as Account['lifecycle'],
  revenue: optionalInt(v.revenue),
});

export const personFields = (t: TFunction): Field[] => [
  { name: 'name', label: t('person.name'), kind: 'text', required: true },
  { name: 'title', label: t('person.title'), kind: 'text' },
  { name: 'email', label: t('person.email'), kind: 'text' },
  {
    name: 'roleLevel',
    label: t('person.roleLevel'),
    kind: 'select',
    required: true,
    options: options(ROLE_LEVELS, (v) => t(`person.roleLevels.${v}`)),
  },
  {
    name: 'consent',
    label: t('person.consent'),
    kind: 'select',
    required: true,
    options: options(CONSENTS, (v) => t(`person.consents.${v}`)),
  },
  { name: 'anonLabel', label: t('person.anonLabel'), kind: 'text', hint: t('person.anonLabelHint') },
];

export const personValues = (p?: Interviewee): Values => ({
  name: p?.name ?? '',
  title: p?.title ?? '',
  email: p?.email ?? '',
  roleLevel: p?.roleLevel ?? 'operational',
  consent: p?.consent ?? 'pending',
  anonLabel: p?.anonLabel ?? '',
});

export const personInput = (v: Values) => ({
  name: str(v.name),
  title: str(v.title),
  email: str(v.email),
  roleLevel: str(v.roleLevel) as Interviewee['roleLevel'],
  consent: str(v.consent) as Interviewee['consent'],
  anonLabel: str(v.anonLabel),
});

export const newInterviewFields = (
  t: TFunction,
  accounts: AccountWithPeople[],
  accountId: string,
): Field[] => [
  {
    name: 'accountId',
    label: t('interview.account'),
    kind: 'select',
    required: true,
    options: accounts.map((a) => ({ value: a.id, label: `${a.name} · ${t(`account.tiers.${a.tier}`)}` })),
  },
  {
    name: 'intervieweeIds',
    label: t('interview.interviewees'),
    kind: 'checkboxes',
    options: (accounts.find((a) => a.id === accountId)?.interviewees ?? []).map((p) => ({
      value: p.id,
      label: `${p.name} (${t(`person.roleLevels.${p.roleLevel}`)})`,
    })),
  },
  { name: 'date', label: t('interview.date'), kind: 'date' },
  { name: 'startTime', label: t('interview.startTime'), kind: 'time' },
  {
    name: 'mode',
    label: t('interview.mode'),
    kind: 'select',
    required: true,
    options: options(INTERVIEW_MODES, (v) => t(`interview.modes.${v}`)),
  },
  { name: 'interviewer', label: t('interview.interviewer'), kind: 'text' },
  {
    name: 'status',
    label: t('interview.status'),
    kind: 'select',
    required: true,
    options: options(INTERVIEW_STATUSES, (v) => t(`interview.statuses.${v}`)),
  },
];

export const newInterviewInput = (v: Values) => ({
  accountId: str(v.accountId),
  intervieweeIds: list(v.intervieweeIds),
  date: optional(v.date),
  startTime: optional(v.startTime),
  mode: str(v.mode) as 'onsite' | 'video' | 'phone',
  interviewer: str(v.interviewer),
  status: str(v.status) as 'planned' | 'in_progress' | 'done' | 'coded',
});
