/**
 * The portal's one stylesheet, served as /assets/portal.css (a file of its own, so the
 * Content-Security-Policy needs no inline styles). Logical properties (inline-start/end)
 * make the same rules right for Persian (rtl) and Russian or English (ltr).
 */
export const PORTAL_CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4a5360; --line: #c9d0d8; --accent: #0b5cad;
  --cancel: #8a1c1c; --cancel-bg: #fdecec; --ok: #1d6b32; font-size: 100%; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, "Segoe UI", Tahoma, "Noto Sans", "Noto Sans Arabic", sans-serif;
  color: var(--ink); background: #f7f8fa; line-height: 1.5; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.skip { position: absolute; inset-inline-start: -999px; }
.skip:focus { inset-inline-start: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 2; }
header.top { background: #fff; border-block-end: 1px solid var(--line); padding: .75rem 1rem;
  display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; align-items: center; justify-content: space-between; }
header.top .brand { font-weight: 700; color: var(--ink); text-decoration: none; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
nav.languages a[aria-current="true"] { font-weight: 700; color: var(--ink); text-decoration: none; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .25rem; }
.card > h2:first-child, .card > h3:first-child { margin-top: 0; }
.card { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin-block-end: 1rem; }
.banner-cancelled { background: var(--cancel-bg); color: var(--cancel); border: 2px solid var(--cancel);
  border-radius: .5rem; padding: .75rem 1rem; font-weight: 700; }
.status { display: inline-block; border: 1px solid var(--line); border-radius: 1rem; padding: 0 .6rem; font-size: .9rem; }
.status.cancelled { color: var(--cancel); border-color: var(--cancel); }
.rsvp-state { font-weight: 600; }
.muted { color: var(--muted); }
ul.sessions { list-style: none; padding: 0; margin: 0; }
ul.sessions li { border-block-end: 1px solid var(--line); padding: .5rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: start; padding: .4rem .5rem; border-block-end: 1px solid var(--line); vertical-align: top; }
td.number { white-space: nowrap; font-variant-numeric: tabular-nums; }
.times { margin: 0; padding: 0; list-style: none; }
.times li { padding: .15rem 0; }
.times .viewer { font-weight: 700; }
form.inline { display: inline; }
button, .button { font: inherit; padding: .45rem .9rem; border-radius: .4rem; border: 1px solid var(--accent);
  background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary { background: #fff; color: var(--accent); }
button[aria-pressed="true"] { background: var(--ok); border-color: var(--ok); }
.rsvp-buttons { display: flex; flex-wrap: wrap; gap: .5rem; }
input[type="email"], input[type="text"] { font: inherit; padding: .45rem; border: 1px solid var(--muted);
  border-radius: .4rem; width: 100%; max-width: 28rem; }
input.feed-url { direction: ltr; font-family: ui-monospace, monospace; font-size: .9rem; }
label { display: block; font-weight: 600; margin-block-end: .25rem; }
select { font: inherit; padding: .45rem; border: 1px solid var(--muted); border-radius: .4rem; max-width: 28rem; width: 100%; }
.consent label.inline-label { display: inline; font-weight: 400; }
.consent input[type="checkbox"] { width: 1.2rem; height: 1.2rem; vertical-align: middle; }
.field-problem { color: var(--cancel); margin: .25rem 0 0; }
.form-problems { border: 2px solid var(--cancel); border-radius: .5rem; padding: .5rem 1rem; margin-block-end: 1rem; }
[aria-invalid="true"] { border-color: var(--cancel); border-width: 2px; }
.copy-row { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-block-end: .75rem; }
.copy-button[hidden] { display: none; }
.copy-status { color: var(--ok); min-height: 1.5em; }
.status.minutes-agreed, .status.minutes-signed { color: var(--ok); border-color: var(--ok); }
.minutes-item h3 { font-size: 1rem; margin-block: 1rem .25rem; }
.minutes-item h4 { font-size: .95rem; margin-block: .5rem .25rem; }
.protocol { margin-block-end: 2rem; }
.signatures { display: flex; flex-wrap: wrap; gap: 2rem; }
.signature { min-width: 14rem; border-block-start: 1px solid var(--ink); padding-block-start: .5rem; margin-block-start: 3rem; }
@media print {
  .protocol { break-after: page; }
  header.top, nav, .no-print, .rsvp-buttons, footer { display: none !important; }
  body { background: #fff; }
  .card { border: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
}
`;
