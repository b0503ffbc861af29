/**
 * The words of `describeItemRef` (what a note or document relates to), in every built-in language. Spread
 * into the catalog of each element that shows `relatesTo` (fk-notes, fk-documents), so the fields that do
 * not show it do not carry them; hosts override them like any of that element's keys.
 */
export const itemRefMessages = {
  de: {
    'item.relatesTo': 'Bezieht sich auf: {item}',
    'item.named': '{kind} „{title}“',
    'item.hidden': '{kind} (ausgeblendet)',
    'item.kind.goal': 'Ziel',
    'item.kind.measure': 'Maßnahme',
    'item.kind.providerReferral': 'Vermittlung',
    'item.kind.person': 'Person',
  },
  en: {
    'item.relatesTo': 'Relates to: {item}',
    'item.named': '{kind} "{title}"',
    'item.hidden': '{kind} (hidden)',
    'item.kind.goal': 'Goal',
    'item.kind.measure': 'Measure',
    'item.kind.providerReferral': 'Referral',
    'item.kind.person': 'Person',
  },
} as const;
