/**
 * Schema version 13: a person's e-mail address, as the client's contact list gives it (issue 16). Empty
 * when not known, like a title. It is personal data: a GDPR erasure empties it (services/erasure.ts).
 * It is not put in the search index: a search finds people by name and title, and an address is one
 * copy fewer of the person to forget.
 */
export const sql = `
ALTER TABLE interviewees ADD COLUMN email TEXT NOT NULL DEFAULT '';
`;
