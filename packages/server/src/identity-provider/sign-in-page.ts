/**
 * The sign-in page of the built-in identity provider: a picker of the demo's people, German first and English
 * second, one self-contained HTML document (no script, no font, no stylesheet from elsewhere: the provider
 * runs on loopback and the page must work offline).
 */
import type { IdentityAccount } from './accounts.js';

/** The page languages. */
export type PageLanguage = 'de' | 'en';

/** The first language of an OIDC `ui_locales` value the page speaks; German otherwise. */
export function pageLanguage(uiLocales: unknown): PageLanguage {
  if (typeof uiLocales !== 'string') return 'de';
  for (const tag of uiLocales.split(/\s+/)) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'de' || primary === 'en') return primary;
  }
  return 'de';
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const WORDS = {
  de: {
    title: 'Anmelden – Fallkit Demo',
    heading: 'Anmelden',
    intro: 'Wählen Sie, als wer Sie die Demo nutzen. Es sind erfundene Personen; ein Kennwort braucht es hier nicht.',
    legend: 'Person',
    signIn: 'Anmelden',
    cancel: 'Abbrechen',
    client: 'Anmeldung für',
    other: 'English',
    footer: 'Eingebauter Anmeldedienst der Demo. Eine Organisation nutzt ihren eigenen (z. B. Keycloak).',
  },
  en: {
    title: 'Sign in – Fallkit demo',
    heading: 'Sign in',
    intro: 'Choose who you are in the demo. These are invented people; no password is needed here.',
    legend: 'Person',
    signIn: 'Sign in',
    cancel: 'Cancel',
    client: 'Signing in to',
    other: 'Deutsch',
    footer: "The demo's built-in sign-in service. An organisation uses its own (e.g. Keycloak).",
  },
} as const;

const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5}
body{margin:0;background:#f4f5f7;color:#1b1f24}
main{max-width:34rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px #0003}
h1{margin:0 0 .5rem;font-size:1.5rem}
fieldset{border:0;padding:0;margin:1rem 0}
legend{font-weight:600;margin-bottom:.5rem}
label{display:flex;gap:.75rem;align-items:flex-start;padding:.6rem .75rem;border:1px solid #c9ced6;border-radius:.4rem;margin:.4rem 0;cursor:pointer}
label:has(input:checked){border-color:#0b5cad;background:#eef5fc}
label span{display:flex;flex-direction:column}
small{color:#4a525c}
.actions{display:flex;gap:.75rem;flex-wrap:wrap}
button{font:inherit;padding:.55rem 1.1rem;border-radius:.4rem;border:1px solid #0b5cad;background:#0b5cad;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b5cad}
button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #f0b400;outline-offset:2px}
.lang{float:right}
footer{margin-top:1.5rem;color:#4a525c;font-size:.875rem}
@media (max-width:30rem){main{margin:0;border-radius:0}}
`;

/** What the page shows. */
export interface SignInPageInput {
  readonly lang: PageLanguage;
  /** Where the form posts to (the interaction's login route). */
  readonly action: string;
  /** The same page in the other language. */
  readonly otherLanguageHref: string;
  readonly accounts: readonly IdentityAccount[];
  /** The client's display name. */
  readonly clientName: string;
  /** A sub to preselect (the `login_hint`), if it names an account. */
  readonly selected?: string | undefined;
}

/** The sign-in page as one HTML document. */
export function renderSignInPage(input: SignInPageInput): string {
  const words = WORDS[input.lang];
  const selected = input.accounts.some((account) => account.sub === input.selected)
    ? input.selected
    : input.accounts[0]?.sub;
  const options = input.accounts
    .map(
      (account) =>
        `<label><input type="radio" name="sub" value="${escapeHtml(account.sub)}"${
          account.sub === selected ? ' checked' : ''
        } required><span><strong>${escapeHtml(account.name)}</strong><small>${escapeHtml(
          account.description[input.lang],
        )} · ${escapeHtml(account.agencyName)}</small></span></label>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${input.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${words.title}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<main>
<a class="lang" href="${escapeHtml(input.otherLanguageHref)}" lang="${input.lang === 'de' ? 'en' : 'de'}">${words.other}</a>
<h1>${words.heading}</h1>
<p>${words.client} <strong>${escapeHtml(input.clientName)}</strong>. ${words.intro}</p>
<form method="post" action="${escapeHtml(input.action)}">
<fieldset>
<legend>${words.legend}</legend>
${options}
</fieldset>
<div class="actions">
<button type="submit" name="decision" value="sign-in">${words.signIn}</button>
<button type="submit" name="decision" value="cancel" class="secondary" formnovalidate>${words.cancel}</button>
</div>
</form>
<footer>${words.footer}</footer>
</main>
</body>
</html>`;
}

/** A short message page (an error, a signed-out notice) in the page's style. */
export function renderMessagePage(lang: PageLanguage, title: string, message: string, extra = ''): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
${extra}
</main>
</body>
</html>`;
}
