/** Builds an agency id from a name where none is given (`Beratungsstelle Nord` → `beratungsstelle-nord`). */
export function agencyIdFromName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\w]+/g, '-')
    .replace(/^-|-$/g, '');
}
