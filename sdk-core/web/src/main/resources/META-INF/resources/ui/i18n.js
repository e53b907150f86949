// Texts come from the resource bundles messages/de.json and messages/en.json. German is the
// default; the choice is remembered in localStorage.

const SUPPORTED = ['de', 'en'];
let current = 'de';
let bundle = {};
let fallback = {};

export async function loadMessages() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  const stored = localStorage.getItem('buergerbuero.lang');
  current = SUPPORTED.includes(fromUrl) ? fromUrl : SUPPORTED.includes(stored) ? stored : 'de';
  fallback = await fetchBundle('de');
  bundle = current === 'de' ? fallback : await fetchBundle(current);
  document.documentElement.lang = current;
}

async function fetchBundle(language) {
  const response = await fetch(`/ui/messages/${language}.json`);
  if (!response.ok) throw new Error(`messages ${language}: ${response.status}`);
  return response.json();
}

export function lang() {
  return current;
}

export async function setLang(language) {
  localStorage.setItem('buergerbuero.lang', language);
  await loadMessages();
}

/** The text for a key, with {name} placeholders filled in. Unknown keys show as the key. */
export function t(key, params = {}) {
  const text = bundle[key] ?? fallback[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** Picks the text of a {de, en} object or of a name/nameEn pair. */
export function localized(value, english) {
  if (value && typeof value === 'object') return (current === 'en' && value.en) || value.de;
  return (current === 'en' && english) || value;
}

const ZONE = 'Europe/Berlin';

export function formatDate(iso) {
  if (!iso) return '';
  const date = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(current, {dateStyle: 'full', timeZone: ZONE}).format(date);
}

export function formatDateTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(current, {dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE})
      .format(new Date(iso));
}

export function formatTime(iso) {
  return new Intl.DateTimeFormat(current, {timeStyle: 'short', timeZone: ZONE})
      .format(new Date(iso));
}

export function formatMoney(amount) {
  if (amount === null || amount === undefined) return '';
  return new Intl.NumberFormat(current, {style: 'currency', currency: 'EUR'}).format(amount);
}
