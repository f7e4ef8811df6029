/**
 * How code names are compared, by the codebook service (one name per code where it is seen) and by
 * the code picker (no offer to create a code that exists): "Siilot", " siilot" and "SIILOT" are one
 * name, so are "Säätö" and "Saato".
 */
export const codeNameKey = (name: string): string =>
  name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
