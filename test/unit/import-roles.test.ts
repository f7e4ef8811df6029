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

test('job titles are nobody; role words or a title before a name leave the name as the person', () => {
  for (const label of [
    'Toimitusjohtaja',
    'Myyntijohtaja',
    'Asiakkuuspäällikkö',
    'Sales Manager',
    'Key Account Manager',
    'CEO',
    'SPEAKER_00',
    'Speaker_1',
  ])
    expect(roleLabel(label), label).toEqual({ person: null });
  expect(roleLabel('Haastattelija Sari Mäkinen')).toEqual({ person: 'Sari Mäkinen' });
  expect(roleLabel('Asiakas Liisa Korhonen')).toEqual({ person: 'Liisa Korhonen' });
  expect(roleLabel('Interviewer Jane Doe')).toEqual({ person: 'Jane Doe' });
  expect(roleLabel('Toimitusjohtaja Sari Mäkinen')).toEqual({ person: 'Sari Mäkinen' });
  expect(roleLabel('Customer Mikko Mäkinen')).toEqual({ person: 'Mikko Mäkinen' });
  // A surname that is also a word, after a first name, is still a name.
  for (const name of ['Matti Vieras', 'Hannu Asiakas', 'Asiakas Oy', 'Jan van der Berg'])
    expect(roleLabel(name), name).toBeNull();
});
