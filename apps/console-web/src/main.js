// @ts-check
/**
 * /console: sign in by token (as /dashboard), then a hash-routed page — #/hazards (隐患清单), #/hazards/<id>
 * (隐患档案), and for tip officers #/tips (收件箱) and #/tips/<tipNo>. Every view reads the API with the
 * reader's token; a 401 asks for a token again, a 403 or 404 is said in Chinese in place of the view.
 */
import './console.css';
import { ApiError, claimsOf, forgetToken, getCatalogue, saveToken, takeToken } from './api.js';
import { el, replace } from './dom.js';
import { showDossier } from './dossier.js';
import { showHazardList } from './hazard-list.js';
import { hazardListParameters } from './list-parameters.js';
import { namesOf } from './names.js';
import { showTip, showTipInbox } from './tips.js';
import { timeZone } from './time.js';

const view = /** @type {HTMLElement} */ (document.querySelector('[data-view]'));

/** @typedef {{ token: string, names: import('./names.js').Names, catalogue: any, listParameters: Set<string>, tipOfficer: boolean }} Context */

/** @type {Context | null} */
let context = null;
/** Each navigation's number: a view whose answers arrive after the reader has moved on is dropped. */
let navigation = 0;

/** @param {string} token */
async function signIn(token) {
  const claims = claimsOf(token);
  const [catalogue, listParameters] = await Promise.all([
    getCatalogue().catch((error) => (console.warn('catalogue not loaded: codes are shown as they are', error), null)),
    hazardListParameters(),
  ]);
  context = { token, names: namesOf(catalogue), catalogue, listParameters, tipOfficer: claims.roles.includes('tip-officer') };
  const who = document.querySelector('[data-who]');
  if (who) who.textContent = `${claims.sub}（${claims.roles.join('、') || '无角色'}）`;
  const tips = document.querySelector('[data-nav="tips"]');
  if (tips instanceof HTMLElement) tips.hidden = !context.tipOfficer;
  await route();
}

async function route() {
  if (!context) return;
  const ticket = ++navigation;
  const [path = '', query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  document.body.dataset.route = parts[0] ?? 'hazards';
  document.body.dataset.loaded = '';
  const target = el('div', {});
  try {
    if (parts[0] === 'hazards' && parts[1]) await showDossier(target, context, parts[1], params);
    else if (parts[0] === 'tips' && context.tipOfficer) await (parts[1] ? showTip(target, context, parts[1]) : showTipInbox(target, context, params));
    else if (parts[0] === 'tips') target.append(el('p', { class: 'error', 'data-error': 403 }, '举报受理仅对举报受理员（tip-officer）开放。'));
    else await showHazardList(target, context, params);
  } catch (error) {
    if (ticket !== navigation) return;
    if (error instanceof ApiError && error.status === 401) {
      askForToken(error.message);
      return;
    }
    if (!(error instanceof ApiError)) throw error;
    replace(target, el('p', { class: 'error', 'data-error': error.status }, error.message), el('p', {}, el('a', { href: '#/hazards' }, '返回隐患清单')));
  }
  if (ticket !== navigation) return;
  replace(view, target);
  document.body.dataset.loaded = String(ticket);
}

/** @param {string} [error] */
function askForToken(error = '') {
  const dialog = /** @type {HTMLDialogElement} */ (document.querySelector('[data-token-dialog]'));
  const form = /** @type {HTMLFormElement} */ (dialog.querySelector('form'));
  const message = dialog.querySelector('[data-token-error]');
  if (message) message.textContent = error;
  form.onsubmit = () => {
    const token = String(new FormData(form).get('token') ?? '').trim();
    if (!token) return;
    saveToken(token);
    void signIn(token);
  };
  if (!dialog.open) dialog.showModal();
}

document.querySelector('[data-action="change-token"]')?.addEventListener('click', () => {
  forgetToken();
  context = null;
  askForToken();
});
addEventListener('hashchange', () => void route());
const zone = document.querySelector('[data-zone]');
if (zone) zone.textContent = timeZone();
const token = takeToken();
if (token) void signIn(token);
else askForToken();
