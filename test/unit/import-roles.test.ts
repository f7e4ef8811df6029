import { expect, test } from 'vitest';
import { roleLabel } from '../../electron/services/import/roles.ts';

test('role labels, letters and initials are nobody; a name in brackets after a role is the person', () => {
  for (const label of [
    'Haastattelija',
    'Asiakas',
    'Interviewer',
    'Customer',
    'Speaker 1',
    'Speaker A',
    'Puhuja 2',
    'Unknown Speaker',
    'Tuntematon',
    'Tuntematon puhuja',
    'H',
    'V',
    'Q',
    'A',
    'K',
    'MV',
    'M.V.',
  ])
    expect(roleLabel(label), label).toEqual({ person: null });
  expect(roleLabel('Haastattelija (Matti)')).toEqual({ person: 'Matti' });
  expect(roleLabel('Speaker 2 (Liisa Korhonen)')).toEqual({ person: 'Liisa Korhonen' });
  for (const name of [
    'Matti Virtanen',
    'Asiakas Oy',
    'Anna',
    'Bob',
    'Liisa Korhonen (Acme Oy)',
    'Hannu Asiakas',
  ])
    expect(roleLabel(name), name).toBeNull();
});
