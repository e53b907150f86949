// The Bürgerbüro web front end: plain ES modules, no build step. Hash routes keep every page
// bookmarkable; every view reads and writes through the public REST API under /api.
import {h, replace, dl} from './dom.js';
import {t, lang, setLang, loadMessages, localized, formatDate, formatDateTime, formatTime,
  formatMoney} from './i18n.js';
import {api, apiBlob, upload, ApiError, setCsrfToken} from './api.js';
import {renderFields, collect, markField, clearFields, validateOnBlur, idOf} from './form.js';

const main = document.getElementById('main');
const status = document.getElementById('status');
let session = {role: 'anonymous', loginUrl: '/login'};
let firstRender = true;
let renders = 0;

const LEVELS = ['none', 'low', 'substantial', 'high'];
const FINAL = ['APPROVED', 'REJECTED', 'CLOSED', 'WITHDRAWN'];

// ---------------------------------------------------------------- shared pieces

function announce(text) {
  status.textContent = '';
  setTimeout(() => { status.textContent = text; }, 50);
}

function loginHref(trustLevel) {
  const next = encodeURIComponent(`/${location.hash || '#/'}`);
  const level = trustLevel ? `&trustLevel=${encodeURIComponent(trustLevel)}` : '';
  return `${session.loginUrl}?next=${next}${level}`;
}

function statusLabel(value) {
  return h('span', {class: `status status-${value.toLowerCase()}`}, t(`status.${value}`));
}

/** An alert box for a problem+json error, with the stable code and what the person can do. */
function problemBox(error) {
  const problem = error instanceof ApiError ? error.problem : {title: String(error)};
  const code = error instanceof ApiError ? error.code : null;
  const known = code && t(`problem.${code}`) !== `problem.${code}` ? t(`problem.${code}`) : null;
  const box = h('div', {class: 'alert', role: 'alert', tabindex: '-1'},
      h('p', {class: 'alert-title'}, known || problem.title || t('problem.generic')),
      problem.detail ? h('p', {}, problem.detail) : null,
      code === 'network' ? h('p', {}, t('problem.network')) : null,
      code === 'BB-1006' ? h('p', {}, h('a', {href: loginHref()}, t('nav.login'))) : null,
      code === 'BB-1010'
        ? h('p', {}, h('a', {href: loginHref(problem.requiredTrustLevel)},
            t('service.stepUpLink', {level: t(`trust.${problem.requiredTrustLevel}`)})))
        : null,
      problem.errors?.length
        ? h('ul', {}, problem.errors.map((e) => h('li', {}, e.message)))
        : null,
      code && code !== 'network' ? h('p', {class: 'code'}, t('problem.code', {code})) : null);
  return box;
}

function heading(text) {
  document.title = `${text} – ${t('site.name')}`;
  return h('h1', {tabindex: '-1'}, text);
}

function requireRole(role) {
  if (session.role === role) return true;
  replace(main, heading(t('login.required')),
      h('p', {}, t(role === 'staff' ? 'login.staffOnly' : 'login.applicantOnly')),
      session.role === 'anonymous'
        ? h('p', {}, h('a', {class: 'button primary', href: loginHref()}, t('nav.login')))
        : null);
  return false;
}

function table(caption, head, rows) {
  // a region that scrolls sideways on narrow screens must be reachable by keyboard
  return h('div', {class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption},
      h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, head.map((c) => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, rows)));
}

/**
 * A "load more" button under a paged table: fetches the page after `next` (fetchPage(cursor)
 * answers {items, next}), appends its rows, announces how many came, moves the focus to the first
 * new row and hides itself after the last page. Returns [button, live region].
 */
function loadMore(id, label, next, list, row, fetchPage, onLoaded) {
  const body = list.querySelector('tbody');
  const errors = h('div', {});
  let cursor = next;
  let loaded = body.children.length;
  const more = h('button', {type: 'button', id, hidden: !cursor, onclick: async () => {
    if (more.getAttribute('aria-disabled') === 'true') return;
    more.setAttribute('aria-disabled', 'true');
    replace(errors);
    try {
      const page = await fetchPage(cursor);
      const first = body.children.length;
      page.items.forEach((item) => body.append(row(item)));
      loaded += page.items.length;
      cursor = page.next;
      onLoaded(loaded);
      announce(t('list.loaded', {n: page.items.length}));
      more.hidden = !cursor;
      const firstNew = body.children[first];
      if (firstNew) firstNew.querySelector('a').focus();
      else if (more.hidden) list.querySelector('caption').focus();
    } catch (e) {
      const box = problemBox(e);
      replace(errors, box);
      box.focus();
    } finally {
      more.removeAttribute('aria-disabled');
    }
  }}, label);
  list.querySelector('caption').setAttribute('tabindex', '-1');
  return [more, errors];
}

// ---------------------------------------------------------------- citizen: catalogue

async function catalogueView(params) {
  const q = params.get('q') || '';
  const department = params.get('department') || '';
  const all = await api('/v1/services');
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  if (department) query.set('department', department);
  const found = q || department ? await api(`/v1/services?${query}`) : all;
  const departments = new Map(all.map((s) => [s.department, s.departmentName]));

  const search = h('input', {id: 'q', name: 'q', type: 'search', value: q, autocomplete: 'off'});
  const dept = h('select', {id: 'department', name: 'department'},
      h('option', {value: ''}, t('catalogue.allDepartments')),
      [...departments].map(([id, name]) =>
        h('option', {value: id, selected: id === department}, name)));
  const form = h('form', {role: 'search', class: 'search', onsubmit: (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (search.value.trim()) next.set('q', search.value.trim());
    if (dept.value) next.set('department', dept.value);
    location.hash = `#/${next.toString() ? `?${next}` : ''}`;
  }},
  h('div', {class: 'field'}, h('label', {for: 'q'}, t('catalogue.search')), search),
  h('div', {class: 'field'}, h('label', {for: 'department'}, t('catalogue.department')), dept),
  h('button', {type: 'submit', class: 'primary'}, t('catalogue.searchButton')));

  replace(main, heading(t('catalogue.title')), h('p', {class: 'lead'}, t('catalogue.intro')), form,
      h('p', {id: 'result-count', role: 'status'}, t('catalogue.count', {n: found.length})),
      h('ul', {class: 'cards'}, found.map((s) => h('li', {}, h('article', {class: 'card'},
          h('h2', {}, h('a', {href: `#/dienste/${s.id}`}, localized(s.name, s.nameEn))),
          h('p', {}, localized(s.description, s.descriptionEn)),
          dl([[t('service.department'), s.departmentName],
            [t('service.fee'), formatMoney(s.fee)],
            [t('service.trustLevel'), t(`trust.${s.trustLevel}`)]], 'facts inline'))))));
}

// ---------------------------------------------------------------- citizen: service and form

async function serviceView(params, id) {
  const service = await api(`/v1/services/${encodeURIComponent(id)}`);
  const name = localized(service.name, service.nameEn);
  const docs = service.requiredDocuments || [];
  replace(main, h('p', {class: 'breadcrumb'}, h('a', {href: '#/'}, t('catalogue.back'))),
      heading(name),
      h('p', {class: 'lead'}, localized(service.description, service.descriptionEn)),
      dl([[t('service.department'), service.departmentName],
        [t('service.fee'), [formatMoney(service.fee), service.feeNote ? ` (${service.feeNote})` : '']],
        [t('service.trustLevel'), t(`trust.${service.trustLevel}`)],
        [t('service.applicants'), service.applicantKinds.map((k) => t(`kind.${k}`)).join(', ')],
        [t('service.leika'), service.leikaKey]]),
      h('h2', {}, t('service.documents')),
      docs.length ? h('ul', {}, docs.map((d) => h('li', {}, d))) : h('p', {}, t('service.noDocuments')),
      h('section', {'aria-labelledby': 'apply-heading', id: 'apply'},
          h('h2', {id: 'apply-heading'}, t('service.apply')), await applySection(service)));
}

async function applySection(service) {
  if (session.role === 'anonymous') {
    return h('p', {}, t('service.loginFirst'), ' ',
        h('a', {class: 'button primary', href: loginHref(service.trustLevel)}, t('nav.login')));
  }
  if (session.role !== 'applicant') return h('p', {}, t('service.staffCannotApply'));
  if (!service.applicantKinds.includes(session.applicantKind)) {
    return h('p', {}, t('service.wrongKind', {kind: t(`kind.${session.applicantKind}`)}));
  }
  if (LEVELS.indexOf(session.trustLevel) < LEVELS.indexOf(service.trustLevel)) {
    return h('div', {class: 'notice'},
        h('p', {}, t('service.stepUp', {level: t(`trust.${service.trustLevel}`),
          current: t(`trust.${session.trustLevel}`)})),
        h('p', {}, h('a', {class: 'button primary', href: loginHref(service.trustLevel)},
            t('service.stepUpLink', {level: t(`trust.${service.trustLevel}`)}))));
  }
  const formView = await api(`/v1/services/${encodeURIComponent(service.id)}/form`);
  return applicationForm(service, formView);
}

function applicationForm(service, formView) {
  const summary = h('div', {id: 'form-problems'});
  const files = h('input', {id: 'attachments', name: 'attachments', type: 'file', multiple: true,
    'aria-describedby': 'attachments-hint'});
  const progress = h('progress', {id: 'upload-progress', max: '100', value: '0', hidden: true,
    'aria-label': t('apply.progress')});
  const progressText = h('span', {id: 'upload-progress-text', class: 'hint'});
  const submit = h('button', {type: 'submit', class: 'primary'}, t('apply.submit'));
  const container = h('div', {});
  const form = h('form', {novalidate: true, class: 'stacked', id: 'application-form'},
      h('p', {class: 'hint'}, t('form.requiredNote')),
      summary,
      renderFields(formView),
      h('div', {class: 'field'}, h('label', {for: 'attachments'}, t('apply.attachments')),
          h('p', {class: 'hint', id: 'attachments-hint'}, t('apply.attachmentsHint')), files),
      h('p', {}, submit), h('p', {}, progress, ' ', progressText));
  validateOnBlur(form, formView);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFields(form);
    replace(summary);
    const {data, errors} = collect(form, formView);
    if (errors.length) {
      errors.forEach((e) => markField(form, e.pointer, e.message));
      const box = h('div', {class: 'alert', role: 'alert', tabindex: '-1'},
          h('p', {class: 'alert-title'}, t('form.errorSummary', {n: errors.length})),
          h('ul', {}, errors.map((e) => h('li', {}, h('a', {href: `#${idOf(e.pointer)}`,
            onclick: (ev) => { ev.preventDefault(); form.querySelector(`#${idOf(e.pointer)}`).focus(); }},
          `${localized(formView.fields.find((f) => f.pointer === e.pointer).label)}: ${e.message}`)))));
      replace(summary, box);
      box.focus();
      return;
    }
    const body = new FormData();
    body.append('serviceId', service.id);
    body.append('formData', new Blob([JSON.stringify(data)], {type: 'application/json'}), 'formData.json');
    for (const file of files.files) body.append('attachments', file, file.name);
    submit.disabled = true;
    progress.hidden = false;
    try {
      const created = await upload('/v1/applications', body, (loaded, total) => {
        const percent = Math.round((loaded / total) * 100);
        progress.value = percent;
        progressText.textContent = t('apply.progressText', {percent});
      });
      progressText.textContent = '';
      replace(container, submitted(created));
      container.querySelector('h3').focus();
      announce(t('apply.done', {reference: created.reference}));
    } catch (error) {
      submit.disabled = false;
      progress.hidden = true;
      progressText.textContent = '';
      let unplaced = false;
      for (const e of error.problem?.errors || []) {
        const pointer = e.field.startsWith('/formData') ? e.field.slice('/formData'.length) : e.field;
        if (!markField(form, pointer, e.message)) unplaced = true;
      }
      const box = problemBox(error);
      if (!unplaced && error.problem?.errors?.length) box.querySelector('ul')?.remove();
      replace(summary, box);
      box.focus();
    }
  });
  container.append(form);
  return container;
}

function submitted(application) {
  return h('div', {class: 'success', id: 'application-submitted'},
      h('h3', {tabindex: '-1'}, t('apply.successTitle')),
      h('p', {}, t('apply.reference'), ' ', h('strong', {id: 'reference'}, application.reference)),
      h('p', {}, t('apply.successText')),
      h('p', {class: 'actions'},
          h('a', {class: 'button primary', id: 'receipt-link',
            href: `/api/v1/applications/${application.id}/receipt`, download: ''}, t('apply.receipt')),
          h('a', {class: 'button', href: `#/antraege/${application.id}`}, t('apply.track'))));
}

// ---------------------------------------------------------------- citizen: own applications

async function myApplicationsView() {
  if (!requireRole('applicant')) return;
  const page = await api('/v1/applications/mine');
  if (page.items.length === 0) {
    replace(main, heading(t('mine.title')),
        h('p', {}, t('mine.empty'), ' ', h('a', {href: '#/'}, t('mine.toCatalogue'))));
    return;
  }
  const row = (a) => h('tr', {},
      h('td', {}, h('a', {href: `#/antraege/${a.id}`}, a.reference)),
      h('td', {}, a.serviceName), h('td', {}, statusLabel(a.status)),
      h('td', {}, formatDateTime(a.submittedAt)), h('td', {}, formatDateTime(a.updatedAt)));
  const list = table(t('mine.caption', {n: page.items.length}),
      [t('mine.reference'), t('mine.service'), t('mine.status'), t('mine.submitted'), t('mine.updated')],
      page.items.map(row));
  const caption = list.querySelector('caption');
  const [more, status] = loadMore('mine-more', t('mine.more'), page.next, list, row,
      (cursor) => api(`/v1/applications/mine?cursor=${encodeURIComponent(cursor)}`),
      (loaded) => { caption.textContent = t('mine.caption', {n: loaded}); });
  replace(main, heading(t('mine.title')), list, more, status);
}

function historyList(history) {
  return h('ol', {class: 'history'}, history.map((c) => h('li', {},
      h('time', {datetime: c.at}, formatDateTime(c.at)), ' – ', statusLabel(c.to),
      c.note ? h('p', {class: 'note'}, c.note) : null)));
}

async function myApplicationView(params, id) {
  if (!requireRole('applicant')) return;
  const a = await api(`/v1/applications/${encodeURIComponent(id)}`);
  const actions = h('div', {id: 'withdraw-area'});
  if (!FINAL.includes(a.status)) {
    const ask = h('button', {type: 'button', id: 'withdraw'}, t('mine.withdraw'));
    ask.addEventListener('click', () => {
      const yes = h('button', {type: 'button', class: 'danger', id: 'withdraw-confirm'}, t('mine.withdrawYes'));
      const no = h('button', {type: 'button'}, t('mine.withdrawNo'));
      const box = h('div', {class: 'notice', role: 'group', 'aria-labelledby': 'withdraw-question'},
          h('p', {id: 'withdraw-question'}, t('mine.withdrawQuestion', {reference: a.reference})), yes, ' ', no);
      no.addEventListener('click', () => { replace(actions, ask); ask.focus(); });
      yes.addEventListener('click', async () => {
        try {
          await api(`/v1/applications/${a.id}/withdraw`, {method: 'POST'});
          announce(t('mine.withdrawn'));
          await render();
        } catch (error) {
          replace(actions, problemBox(error));
          actions.firstChild.focus();
        }
      });
      replace(actions, box);
      yes.focus();
    });
    actions.append(ask);
  }
  replace(main, h('p', {class: 'breadcrumb'}, h('a', {href: '#/antraege'}, t('mine.back'))),
      heading(t('mine.detailTitle', {reference: a.reference})),
      dl([[t('mine.service'), a.serviceName], [t('mine.status'), statusLabel(a.status)],
        [t('mine.submitted'), formatDateTime(a.submittedAt)]]),
      h('p', {}, h('a', {class: 'button', href: `/api/v1/applications/${a.id}/receipt`, download: ''},
          t('apply.receipt'))),
      a.decision ? h('section', {id: 'decision', 'aria-labelledby': 'decision-title'},
          h('h2', {id: 'decision-title'}, t('decision.title')),
          h('p', {}, t(`decision.outcome.${a.decision.outcome}`), ' – ',
              t('decision.issuedAt', {date: formatDateTime(a.decision.issuedAt)})),
          h('p', {}, h('a', {class: 'button primary', id: 'decision-download',
            href: `/api/v1/applications/${a.id}/decision`, download: a.decision.fileName},
          t('decision.download'))),
          deliveryList(a.decision.deliveries, false)) : null,
      deliveryChoice(a),
      a.status === 'NEEDS_INFO' ? answerSection(a) : null,
      answersList(a.answers),
      h('h2', {}, t('mine.history')), historyList(a.history),
      h('h2', {}, t('mine.attachments')),
      a.attachments.length
        ? h('ul', {}, a.attachments.map((f) => h('li', {}, `${f.fileName} (${Math.ceil(f.size / 1024)} KB)`)))
        : h('p', {}, t('mine.noAttachments')),
      actions);
}

/** The last day to answer: answerDue is the start of the day after it. */
function answerByDay(answerDue) {
  return formatDate(new Date(Date.parse(answerDue) - 1).toISOString());
}

/** The applicant's answers to queries, oldest first; nothing when there are none. */
function answersList(answers) {
  if (!answers || !answers.length) return null;
  return h('section', {'aria-labelledby': 'answers-title'},
      h('h2', {id: 'answers-title'}, t('answer.listTitle')),
      h('ol', {class: 'history', id: 'answers'}, answers.map((w) => h('li', {},
          h('time', {datetime: w.answeredAt}, formatDateTime(w.answeredAt)),
          w.text ? h('p', {class: 'note'}, w.text) : h('p', {class: 'note'}, t('answer.documentsOnly'))))));
}

/** The open query with its question and deadline, and the form to answer it (text, documents). */
function answerSection(a) {
  const question = [...a.history].reverse().find((c) => c.to === 'NEEDS_INFO');
  const summary = h('div', {});
  const text = h('textarea', {id: 'answer-text', name: 'text', rows: 5, maxlength: 4000,
    'aria-describedby': 'answer-text-hint'});
  const files = h('input', {id: 'answer-files', name: 'attachments', type: 'file', multiple: true,
    'aria-describedby': 'answer-files-hint'});
  const send = h('button', {type: 'submit', class: 'primary'}, t('answer.send'));
  const form = h('form', {class: 'stacked', id: 'answer-form', novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const body = new FormData();
      body.append('text', text.value);
      for (const file of files.files) body.append('attachments', file, file.name);
      send.disabled = true;
      try {
        await upload(`/v1/applications/${a.id}/answer`, body, () => {});
        announce(t('answer.sent'));
        await render();
      } catch (error) {
        send.disabled = false;
        replace(summary, problemBox(error));
        summary.firstChild.focus();
      }
    }},
  h('div', {class: 'field'}, h('label', {for: 'answer-text'}, t('answer.text')),
      h('p', {class: 'hint', id: 'answer-text-hint'}, t('answer.textHint')), text),
  h('div', {class: 'field'}, h('label', {for: 'answer-files'}, t('answer.files')),
      h('p', {class: 'hint', id: 'answer-files-hint'}, t('apply.attachmentsHint')), files),
  summary, h('p', {}, send));
  return h('section', {id: 'query', class: 'notice', 'aria-labelledby': 'query-title'},
      h('h2', {id: 'query-title'}, t('answer.title')),
      question && question.note ? h('blockquote', {id: 'query-question'}, question.note) : null,
      a.answerDue ? h('p', {id: 'query-due'}, t('answer.due', {date: answerByDay(a.answerDue)})) : null,
      form);
}

// ---------------------------------------------------------------- citizen: appointments

async function appointmentsView() {
  const locations = await api('/v1/appointments/locations');
  const area = h('div', {id: 'booking-steps'});
  const locationSelect = h('select', {id: 'location', name: 'location', required: true},
      locations.map((l) => h('option', {value: l.id}, l.name)));
  const serviceSelect = h('select', {id: 'appointment-service', name: 'service', required: true});
  const fillServices = () => {
    const location = locations.find((l) => l.id === locationSelect.value);
    replace(serviceSelect, location.services.map((s) =>
      h('option', {value: s.id}, `${s.name} (${t('appointments.minutes', {n: s.minutes})})`)));
  };
  locationSelect.addEventListener('change', fillServices);
  fillServices();
  const form = h('form', {class: 'stacked', id: 'appointment-search', onsubmit: async (e) => {
    e.preventDefault();
    await showDays(area, locationSelect.value, serviceSelect.value, locations);
  }},
  h('div', {class: 'field'}, h('label', {for: 'location'}, t('appointments.location')), locationSelect),
  h('div', {class: 'field'}, h('label', {for: 'appointment-service'}, t('appointments.service')), serviceSelect),
  h('p', {}, h('button', {type: 'submit', class: 'primary'}, t('appointments.findDays'))));
  replace(main, heading(t('appointments.title')), h('p', {class: 'lead'}, t('appointments.intro')), form, area);
}

async function showDays(area, location, service, locations) {
  try {
    const days = (await api(`/v1/appointments/locations/${location}/days?service=${service}`))
        .filter((d) => d.freeStarts > 0);
    if (!days.length) {
      replace(area, h('p', {role: 'status'}, t('appointments.noDays')));
      return;
    }
    const daySelect = h('select', {id: 'appointment-day'},
        days.map((d) => h('option', {value: d.date}, `${formatDate(d.date)} (${t('appointments.free', {n: d.freeStarts})})`)));
    const times = h('div', {id: 'appointment-times'});
    const showTimes = async () => {
      const list = await api(`/v1/appointments/locations/${location}/times?service=${service}&date=${daySelect.value}`);
      replace(times, h('fieldset', {}, h('legend', {}, t('appointments.time')),
          h('div', {class: 'times'}, list.map((start, i) => h('label', {class: 'time'},
              h('input', {type: 'radio', name: 'start', value: start, required: i === 0}), ' ', formatTime(start))))),
      h('p', {}, h('button', {type: 'button', class: 'primary', id: 'hold-button', onclick: async () => {
        const chosen = times.querySelector('input[name=start]:checked');
        if (!chosen) {
          replace(message, h('p', {class: 'field-error', role: 'alert'}, t('appointments.chooseTime')));
          return;
        }
        try {
          const hold = await api('/v1/appointments/holds', {method: 'POST',
            body: {location, service, start: chosen.value, requestKey: requestKey()}});
          contactStep(area, hold, locations);
        } catch (error) {
          replace(message, problemBox(error));
          message.firstChild.focus();
        }
      }}, t('appointments.hold'))));
    };
    const message = h('div', {});
    daySelect.addEventListener('change', showTimes);
    replace(area, h('h2', {tabindex: '-1'}, t('appointments.days')),
        h('div', {class: 'field'}, h('label', {for: 'appointment-day'}, t('appointments.day')), daySelect),
        times, message);
    await showTimes();
    area.querySelector('h2').focus();
  } catch (error) {
    replace(area, problemBox(error));
  }
}

function requestKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function contactStep(area, hold, locations) {
  const message = h('div', {});
  const name = h('input', {id: 'contact-name', name: 'name', autocomplete: 'name', required: true,
    'aria-describedby': 'contact-name-error'});
  const email = h('input', {id: 'contact-email', name: 'email', type: 'email', autocomplete: 'email',
    required: true, 'aria-describedby': 'contact-email-error'});
  const error = (id) => h('p', {class: 'field-error', id, hidden: true});
  const form = h('form', {class: 'stacked', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    let ok = true;
    for (const [input, test, text] of [[name, (v) => v.length > 0, t('form.required')],
      [email, (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), t('form.email')]]) {
      const err = form.querySelector(`#${input.id}-error`);
      const valid = test(input.value.trim());
      input.toggleAttribute('aria-invalid', !valid);
      err.hidden = valid;
      err.textContent = valid ? '' : text;
      if (!valid && ok) { input.focus(); ok = false; }
    }
    if (!ok) return;
    try {
      const confirmed = await api(`/v1/appointments/holds/${hold.id}/confirm`, {method: 'POST',
        body: {name: name.value.trim(), email: email.value.trim(), holdToken: hold.holdToken}});
      const location = locations.find((l) => l.id === confirmed.appointment.location);
      // PENDING: e-mail is configured, the link in it confirms (double opt-in)
      const pending = confirmed.appointment.status === 'PENDING';
      replace(area, h('div', {class: 'success', id: pending ? 'appointment-pending' : 'appointment-confirmed'},
          h('h2', {tabindex: '-1'}, t(pending ? 'appointments.pending' : 'appointments.confirmed')),
          dl([[t('appointments.when'), formatDateTime(confirmed.appointment.start)],
            [t('appointments.where'), location ? location.name : confirmed.appointment.location],
            [t('appointments.room'), confirmed.room]]),
          h('p', {}, t(pending ? 'appointments.checkMail' : 'appointments.mailSent')),
          h('p', {class: 'actions'},
              confirmed.roomLink ? h('a', {class: 'button primary', href: confirmed.roomLink}, t('appointments.route')) : null,
              confirmed.cancelLink ? h('a', {class: 'button', href: confirmed.cancelLink}, t('appointments.cancel')) : null)));
      area.querySelector('h2').focus();
    } catch (err) {
      replace(message, problemBox(err));
      message.firstChild.focus();
    }
  }},
  h('p', {}, t('appointments.heldUntil', {time: formatTime(hold.holdUntil), start: formatDateTime(hold.start)})),
  h('div', {class: 'field'}, h('label', {for: 'contact-name'}, t('appointments.name')), error('contact-name-error'), name),
  h('div', {class: 'field'}, h('label', {for: 'contact-email'}, t('appointments.email')), error('contact-email-error'), email),
  message,
  h('p', {}, h('button', {type: 'submit', class: 'primary', id: 'confirm-button'}, t('appointments.book'))));
  replace(area, h('h2', {tabindex: '-1'}, t('appointments.contact')), form);
  area.querySelector('h2').focus();
}

// ---------------------------------------------------------------- clerk: inbox and case

async function inboxView(params) {
  if (!requireRole('staff')) return;
  const filter = {status: params.get('status') || '', serviceId: params.get('serviceId') || '',
    olderThanDays: params.get('olderThanDays') || '', q: params.get('q') || '',
    sort: params.get('sort') || '', assignee: params.get('assignee') || '', due: params.get('due') || ''};
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
  const [page, services] = await Promise.all([api(`/v1/staff/cases?${query}`), api('/v1/services')]);
  const statusSelect = h('select', {id: 'filter-status', name: 'status'},
      h('option', {value: ''}, t('inbox.anyStatus')),
      ['SUBMITTED', 'RECEIVED', 'IN_PROGRESS', 'NEEDS_INFO', ...FINAL].map((s) =>
        h('option', {value: s, selected: s === filter.status}, t(`status.${s}`))));
  const serviceSelect = h('select', {id: 'filter-service', name: 'serviceId'},
      h('option', {value: ''}, t('inbox.anyService')),
      services.filter((s) => session.admin || session.departments.includes(s.department))
          .map((s) => h('option', {value: s.id, selected: s.id === filter.serviceId}, localized(s.name, s.nameEn))));
  const age = h('input', {id: 'filter-age', name: 'olderThanDays', type: 'number', min: '0',
    inputmode: 'numeric', value: filter.olderThanDays});
  const search = h('input', {id: 'filter-q', name: 'q', type: 'search', maxlength: '100',
    value: filter.q, 'aria-describedby': 'filter-q-hint'});
  const assigneeSelect = h('select', {id: 'filter-assignee', name: 'assignee'},
      ['', 'me', 'none'].map((v) => h('option', {value: v, selected: v === filter.assignee},
          t(`inbox.assignee.${v || 'any'}`))));
  const dueSelect = h('select', {id: 'filter-due', name: 'due'},
      ['', 'due', 'overdue'].map((v) => h('option', {value: v, selected: v === filter.due},
          t(`inbox.due.${v || 'any'}`))));
  const sortSelect = h('select', {id: 'filter-sort', name: 'sort'},
      ['oldest', 'newest'].map((s) => h('option', {value: s, selected: s === (filter.sort || 'oldest')}, t(`inbox.sort.${s}`))));
  const form = h('form', {class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (search.value.trim()) next.set('q', search.value.trim());
    if (statusSelect.value) next.set('status', statusSelect.value);
    if (serviceSelect.value) next.set('serviceId', serviceSelect.value);
    if (age.value) next.set('olderThanDays', age.value);
    if (assigneeSelect.value) next.set('assignee', assigneeSelect.value);
    if (dueSelect.value) next.set('due', dueSelect.value);
    if (sortSelect.value === 'newest') next.set('sort', 'newest');
    location.hash = `#/bearbeitung${next.toString() ? `?${next}` : ''}`;
  }},
  h('div', {class: 'field'}, h('label', {for: 'filter-q'}, t('inbox.search')), search,
      h('p', {id: 'filter-q-hint', class: 'hint'}, t('inbox.searchHint'))),
  h('div', {class: 'field'}, h('label', {for: 'filter-status'}, t('inbox.status')), statusSelect),
  h('div', {class: 'field'}, h('label', {for: 'filter-service'}, t('inbox.service')), serviceSelect),
  h('div', {class: 'field'}, h('label', {for: 'filter-age'}, t('inbox.olderThan')), age),
  h('div', {class: 'field'}, h('label', {for: 'filter-assignee'}, t('inbox.assignee')), assigneeSelect),
  h('div', {class: 'field'}, h('label', {for: 'filter-due'}, t('inbox.dueFilter')), dueSelect),
  h('div', {class: 'field'}, h('label', {for: 'filter-sort'}, t('inbox.sort')), sortSelect),
  h('button', {type: 'submit', class: 'primary'}, t('inbox.filter')));
  const counts = Object.entries(page.countsByStatus || {});
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  const shown = filter.status ? (page.countsByStatus[filter.status] || 0) : total;
  const summary = h('p', {id: 'inbox-counts'}, counts.length === 0 ? ''
      : `${t('inbox.counts')} ${counts.map(([s, n]) => `${t(`status.${s}`)}: ${n}`).join(' · ')}`);
  const row = (a) => h('tr', {},
      h('td', {}, h('a', {href: `#/bearbeitung/${a.id}`}, a.reference)),
      h('td', {}, a.serviceName),
      h('td', {}, `${a.applicantName} (${t(`kind.${a.applicantKind}`)})`),
      h('td', {}, statusLabel(a.status)), h('td', {}, formatDateTime(a.submittedAt)),
      h('td', {}, [a.assignee, a.team].filter(Boolean).join(' · ') || '–'),
      h('td', {}, [a.decideBy ? formatDate(a.decideBy) : null,
        a.followUp ? t('inbox.followUpOn', {date: formatDate(a.followUp)}) : null].filter(Boolean).join(' · ') || '–'));
  if (page.items.length === 0) {
    replace(main, heading(t('inbox.title')),
        h('p', {class: 'lead'}, t('inbox.departments', {departments: session.departments.join(', ') || '–'})),
        form, summary, h('p', {role: 'status'}, t('inbox.empty')));
    return;
  }
  const list = table(t('inbox.captionPaged', {n: page.items.length, total: shown}),
      [t('mine.reference'), t('mine.service'), t('inbox.applicant'), t('mine.status'), t('mine.submitted'),
        t('inbox.assignedTo'), t('inbox.deadline')],
      page.items.map(row));
  const caption = list.querySelector('caption');
  const [more, status] = loadMore('inbox-more', t('inbox.more'), page.next, list, row,
      (cursor) => {
        const following = new URLSearchParams(query);
        following.set('cursor', cursor);
        return api(`/v1/staff/cases?${following}`);
      },
      (loaded) => { caption.textContent = t('inbox.captionPaged', {n: loaded, total: shown}); });
  replace(main, heading(t('inbox.title')),
      h('p', {class: 'lead'}, t('inbox.departments', {departments: session.departments.join(', ') || '–'})),
      form, summary, list, more, status);
}

/** Form data as [label, value] pairs, labelled like the service's form where it has a label. */
function flatten(value, labels, pointer = '') {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => flatten(v, labels, `${pointer}/${k}`));
  }
  const shown = Array.isArray(value) ? value.join(', ')
    : typeof value === 'boolean' ? t(value ? 'yes' : 'no') : String(value);
  return [[labels.get(pointer) || pointer.slice(1).replaceAll('/', ' › '), shown]];
}

async function staffApplicationView(params, id) {
  if (!requireRole('staff')) return;
  const [view, audit, notes] = await Promise.all([
    api(`/v1/staff/applications/${encodeURIComponent(id)}`),
    api(`/v1/staff/applications/${encodeURIComponent(id)}/audit`),
    api(`/v1/staff/applications/${encodeURIComponent(id)}/notes`)]);
  const a = view.application;
  const labels = new Map();
  try {
    const formView = await api(`/v1/services/${encodeURIComponent(a.serviceId)}/form`);
    formView.fields.forEach((f) => labels.set(f.pointer, localized(f.label)));
  } catch (e) { /* a service without a built-in form: show the JSON names */ }
  const message = h('div', {});
  let transition = h('p', {}, t('case.noTransitions'));
  // a decision is issued with its Bescheid (below), not as a bare status change
  const changes = view.allowedTransitions.filter((s) => s !== 'APPROVED' && s !== 'REJECTED');
  if (changes.length) {
    const to = h('select', {id: 'transition-to', name: 'to'},
        changes.map((s) => h('option', {value: s}, t(`status.${s}`))));
    const note = h('textarea', {id: 'transition-note', name: 'note', rows: 3, maxlength: 2000,
      'aria-describedby': 'transition-note-hint'});
    const answerBy = h('input', {type: 'date', id: 'transition-answer-by', name: 'answerBy',
      'aria-describedby': 'transition-answer-by-hint'});
    transition = h('form', {class: 'stacked', id: 'transition-form', onsubmit: async (e) => {
      e.preventDefault();
      try {
        await api(`/v1/staff/applications/${a.id}/transitions`, {method: 'POST',
          body: {to: to.value, note: note.value.trim() || null,
            answerBy: to.value === 'NEEDS_INFO' && answerBy.value ? answerBy.value : null}});
        announce(t('case.changed', {status: t(`status.${to.value}`)}));
        await render();
      } catch (error) {
        replace(message, problemBox(error));
        message.firstChild.focus();
      }
    }},
    h('div', {class: 'field'}, h('label', {for: 'transition-to'}, t('case.newStatus')), to),
    h('div', {class: 'field'}, h('label', {for: 'transition-note'}, t('case.note')),
        h('p', {class: 'hint', id: 'transition-note-hint'}, t('case.noteHint')), note),
    changes.includes('NEEDS_INFO') ? h('div', {class: 'field'},
        h('label', {for: 'transition-answer-by'}, t('case.answerBy')),
        h('p', {class: 'hint', id: 'transition-answer-by-hint'}, t('case.answerByHint')), answerBy) : null,
    message,
    h('p', {}, h('button', {type: 'submit', class: 'primary'}, t('case.change'))));
  }
  replace(main, h('p', {class: 'breadcrumb'}, h('a', {href: '#/bearbeitung'}, t('inbox.back'))),
      heading(t('mine.detailTitle', {reference: a.reference})),
      dl([[t('mine.service'), a.serviceName], [t('mine.status'), statusLabel(a.status)],
        [t('case.department'), view.department],
        [t('inbox.applicant'), `${view.applicantName} (${t(`kind.${view.applicantKind}`)})`],
        [t('service.trustLevel'), t(`trust.${view.trustLevel}`)],
        [t('case.postbox'), t(view.hasPostbox ? 'yes' : 'no')],
        [t('case.dms'), view.dmsCaseId], [t('mine.submitted'), formatDateTime(a.submittedAt)]]),
      h('h2', {}, t('case.formData')), dl(flatten(view.formData || {}, labels)),
      h('h2', {}, t('mine.attachments')),
      a.attachments.length
        ? h('ul', {id: 'case-attachments'}, a.attachments.map((f) => h('li', {},
            h('a', {href: `/api/v1/staff/applications/${a.id}/attachments/${f.id}`, download: ''}, f.fileName),
            ` (${f.mediaType}, ${Math.ceil(f.size / 1024)} KB)`)))
        : h('p', {}, t('mine.noAttachments')),
      caseworkSection(view),
      notesSection(a, notes),
      h('h2', {}, t('case.changeStatus')), transition,
      a.answerDue ? h('p', {id: 'case-answer-due'}, t('case.answerDue', {date: answerByDay(a.answerDue)})) : null,
      decisionSection(view),
      answersList(a.answers),
      h('h2', {}, t('mine.history')), historyList(a.history),
      table(t('case.audit'), [t('case.when'), t('case.who'), t('case.what'), t('case.detail')],
          audit.map((e) => h('tr', {}, h('td', {}, formatDateTime(e.at)), h('td', {}, e.actor),
              h('td', {}, e.action), h('td', {}, e.detail || '')))));
}

/** Who works on the case: assign to me, to a team queue, release; forward to another department. */
function caseworkSection(view) {
  const a = view.application;
  const message = h('div', {});
  const fail = (error) => { replace(message, problemBox(error)); message.firstChild.focus(); };
  const assign = async (body, done) => {
    try {
      await api(`/v1/staff/applications/${a.id}/assignment`, {method: 'PUT', body});
      announce(done);
      await render();
    } catch (error) { fail(error); }
  };
  const me = h('button', {type: 'button', id: 'assign-me'}, t(view.assignee ? 'casework.takeOver' : 'casework.assignMe'));
  me.addEventListener('click', () => assign({assignee: 'me', team: view.team || null}, t('casework.assignedToMe')));
  const release = h('button', {type: 'button', id: 'assign-release'}, t('casework.release'));
  release.addEventListener('click', () => assign({assignee: null, team: view.team || null}, t('casework.released')));
  const team = view.teams.length ? h('select', {id: 'assign-team', name: 'team'},
      h('option', {value: ''}, t('casework.noTeam')),
      view.teams.map((n) => h('option', {value: n, selected: n === view.team}, n))) : null;
  const teamButton = team ? h('button', {type: 'button', id: 'assign-team-save'}, t('casework.toTeam')) : null;
  teamButton?.addEventListener('click', () => assign({assignee: view.assignee || null, team: team.value || null},
      t('casework.teamSet')));
  const target = h('select', {id: 'forward-to', name: 'department'},
      view.forwardTargets.map((d) => h('option', {value: d.id}, d.name)));
  const reason = h('textarea', {id: 'forward-reason', name: 'reason', rows: 2, maxlength: 500, required: ''});
  const forward = h('form', {class: 'stacked', id: 'forward-form', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await api(`/v1/staff/applications/${a.id}/forward`, {method: 'POST',
        body: {department: target.value, reason: reason.value.trim()}});
      announce(t('casework.forwarded'));
      location.hash = '#/bearbeitung';
    } catch (error) { fail(error); }
  }},
  h('div', {class: 'field'}, h('label', {for: 'forward-to'}, t('casework.forwardTo')), target),
  h('div', {class: 'field'}, h('label', {for: 'forward-reason'}, t('casework.reason')), reason),
  h('p', {}, h('button', {type: 'submit'}, t('casework.forward'))));
  const day = h('input', {type: 'date', id: 'follow-up-date', name: 'date',
    value: view.followUp ? new Date(view.followUp).toLocaleDateString('sv-SE', {timeZone: 'Europe/Berlin'}) : ''});
  const saveDay = h('button', {type: 'button', id: 'follow-up-save'}, t('casework.followUpSave'));
  saveDay.addEventListener('click', async () => {
    try {
      await api(`/v1/staff/applications/${a.id}/follow-up`, {method: 'PUT', body: {date: day.value || null}});
      announce(t('casework.followUpSaved'));
      await render();
    } catch (error) { fail(error); }
  });
  return h('section', {id: 'casework', 'aria-labelledby': 'casework-title'},
      h('h2', {id: 'casework-title'}, t('casework.title')),
      view.decideBy ? h('p', {id: 'casework-deadline'}, t('casework.decideBy', {date: formatDate(view.decideBy)})) : null,
      h('p', {}, h('label', {for: 'follow-up-date'}, t('casework.followUp')), ' ', day, ' ', saveDay),
      h('p', {id: 'casework-assignee'}, t('casework.assignee', {who: view.assignee || t('casework.nobody')}),
          view.team ? ` · ${t('casework.team', {team: view.team})}` : ''),
      h('p', {}, me, ' ', view.assignee ? release : null),
      team ? h('p', {}, h('label', {for: 'assign-team'}, t('casework.teamLabel')), ' ', team, ' ', teamButton) : null,
      message,
      view.forwardTargets.length ? h('details', {}, h('summary', {}, t('casework.forwardSummary')), forward) : null);
}

/** Notes only staff see. */
function notesSection(a, notes) {
  const message = h('div', {});
  const text = h('textarea', {id: 'note-text', name: 'text', rows: 3, maxlength: 4000,
    'aria-describedby': 'note-hint'});
  const form = h('form', {class: 'stacked', id: 'note-form', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await api(`/v1/staff/applications/${a.id}/notes`, {method: 'POST', body: {text: text.value}});
      announce(t('notes.saved'));
      await render();
    } catch (error) {
      replace(message, problemBox(error));
      message.firstChild.focus();
    }
  }},
  h('div', {class: 'field'}, h('label', {for: 'note-text'}, t('notes.new')),
      h('p', {class: 'hint', id: 'note-hint'}, t('notes.hint')), text),
  message, h('p', {}, h('button', {type: 'submit'}, t('notes.save'))));
  return h('section', {id: 'notes', 'aria-labelledby': 'notes-title'},
      h('h2', {id: 'notes-title'}, t('notes.title')),
      notes.length
        ? h('ul', {id: 'notes-list'}, notes.map((n) => h('li', {},
            h('strong', {}, `${n.author}, ${formatDateTime(n.at)}: `), n.text)))
        : h('p', {}, t('notes.none')),
      form);
}

/** How the Bescheid went out; applicants do not see the channels that could not take it. */
function deliveryList(deliveries, staff) {
  const shown = (deliveries || []).filter((d) => staff || d.state !== 'REJECTED');
  if (!shown.length) return h('p', {id: 'delivery-state'}, t('delivery.pending'));
  return h('ul', {id: 'delivery-state'}, shown.map((d) => h('li', {},
      t(`delivery.channel.${d.channel}`), ': ', t(`delivery.state.${d.state}`),
      staff && d.reason ? ` (${d.reason})` : '', ' – ', formatDateTime(d.at))));
}

/** The applicant chooses the BundID postbox (consent, withdrawable) or post. */
function deliveryChoice(a) {
  if (a.decision) return null;
  const area = h('section', {id: 'delivery', 'aria-labelledby': 'delivery-title'},
      h('h2', {id: 'delivery-title'}, t('delivery.title')));
  if (!a.postboxAvailable) {
    area.append(h('p', {}, t('delivery.byPost')));
    return area;
  }
  const message = h('div', {});
  const box = h('input', {type: 'checkbox', id: 'postbox-consent',
    ...(a.postboxConsent ? {checked: ''} : {})});
  box.addEventListener('change', async () => {
    box.disabled = true;
    try {
      await api(`/v1/applications/${a.id}/postbox-consent`,
          {method: 'PUT', body: {consent: box.checked}});
      replace(message);
      announce(t(box.checked ? 'delivery.consentGiven' : 'delivery.consentWithdrawn'));
    } catch (error) {
      box.checked = !box.checked;
      replace(message, problemBox(error));
      message.firstChild.focus();
    } finally {
      box.disabled = false;
      box.focus();
    }
  });
  area.append(h('div', {class: 'choice'}, box,
      h('label', {for: 'postbox-consent'}, t('delivery.consent'))),
  h('p', {class: 'hint'}, t('delivery.consentHint')), message);
  return area;
}

// ---------------------------------------------------------------- staff: print queue

async function printQueueView() {
  if (!requireRole('staff')) return;
  const jobs = await api('/v1/staff/print-queue');
  const message = h('div', {});
  const rows = jobs.map((j) => {
    const done = h('button', {type: 'button', id: `posted-${j.id}`}, t('print.posted'));
    done.addEventListener('click', async () => {
      done.disabled = true;
      try {
        await api(`/v1/staff/print-queue/${j.id}/posted`, {method: 'POST'});
        announce(t('print.postedDone', {reference: j.reference}));
        await render();
      } catch (error) {
        done.disabled = false;
        replace(message, problemBox(error));
        message.firstChild.focus();
      }
    });
    return h('tr', {},
        h('td', {}, h('a', {href: `#/bearbeitung/${j.applicationId}`}, j.reference)),
        h('td', {}, j.serviceName),
        h('td', {}, t(`delivery.channel.${j.channel}`)),
        h('td', {}, j.reason || ''),
        h('td', {}, formatDateTime(j.since)),
        h('td', {}, h('a', {class: 'button', href: `/api/v1/staff/applications/${j.applicationId}/decision`,
          download: `Bescheid-${j.reference}.pdf`}, t('print.download')), ' ', done));
  });
  replace(main, heading(t('print.title')), h('p', {}, t('print.intro')), message,
      jobs.length
        ? table(t('print.caption', {n: jobs.length}), [t('print.reference'), t('print.service'),
          t('print.channel'), t('print.reason'), t('print.since'), t('print.action')], rows)
        : h('p', {id: 'print-empty'}, t('print.empty')));
}

/** The Bescheid: download once issued; while in progress: outcome, own text, preview, issue. */
function decisionSection(view) {
  const a = view.application;
  const title = h('h2', {id: 'decision-title'}, t('decision.title'));
  if (a.decision) {
    return h('section', {id: 'decision', 'aria-labelledby': 'decision-title'}, title,
        h('p', {}, t(`decision.outcome.${a.decision.outcome}`), ' – ',
            t('decision.issuedAt', {date: formatDateTime(a.decision.issuedAt)}), ' – ',
            t(a.decision.filed ? 'decision.filed' : 'decision.notFiled')),
        h('p', {}, h('a', {class: 'button', id: 'decision-download',
          href: `/api/v1/staff/applications/${a.id}/decision`, download: a.decision.fileName},
        t('decision.download'))),
        deliveryList(a.decision.deliveries, true));
  }
  if (!view.allowedTransitions.includes('APPROVED')) return null;
  const message = h('div', {});
  const result = h('div', {id: 'decision-result'});
  const outcome = (value, checked) => h('div', {class: 'choice'},
      h('input', {type: 'radio', name: 'outcome', id: `outcome-${value}`, value,
        ...(checked ? {checked: ''} : {})}),
      h('label', {for: `outcome-${value}`}, t(`decision.outcome.${value}`)));
  const free = h('textarea', {id: 'decision-text', name: 'freeText', rows: 4, maxlength: 4000,
    'aria-describedby': 'decision-text-hint'});
  const request = () => ({
    outcome: document.querySelector('input[name=outcome]:checked').value,
    freeText: free.value.trim() || null});
  const fail = (error) => {
    replace(message, problemBox(error));
    message.firstChild.focus();
  };
  let previewUrl = null;
  const preview = h('button', {type: 'button', id: 'decision-preview'}, t('decision.preview'));
  preview.addEventListener('click', async () => {
    try {
      const pdf = await apiBlob(`/v1/staff/applications/${a.id}/decision/preview`, request());
      if (previewUrl) URL.revokeObjectURL(previewUrl);
      previewUrl = URL.createObjectURL(pdf);
      replace(message);
      replace(result, h('p', {}, h('a', {id: 'decision-preview-link', href: previewUrl,
        download: 'Bescheid-Vorschau.pdf'}, t('decision.previewReady'))));
      announce(t('decision.previewReady'));
      result.querySelector('a').focus();
    } catch (error) {
      fail(error);
    }
  });
  const issue = h('button', {type: 'button', class: 'primary', id: 'decision-issue'},
      t('decision.issue'));
  const actions = h('p', {}, preview, ' ', issue);
  issue.addEventListener('click', () => {
    const yes = h('button', {type: 'button', class: 'primary', id: 'decision-confirm'},
        t('decision.confirmYes'));
    const no = h('button', {type: 'button'}, t('decision.confirmNo'));
    const box = h('div', {class: 'notice', role: 'group', 'aria-labelledby': 'decision-question'},
        h('p', {id: 'decision-question'}, t('decision.confirm', {
          outcome: t(`decision.outcome.${request().outcome}`), reference: a.reference})), yes, ' ', no);
    no.addEventListener('click', () => { replace(actions, preview, ' ', issue); issue.focus(); });
    yes.addEventListener('click', async () => {
      yes.disabled = true; // one Bescheid, however often it is clicked
      try {
        await api(`/v1/staff/applications/${a.id}/decision`, {method: 'POST', body: request()});
        announce(t('decision.issued'));
        await render();
      } catch (error) {
        replace(actions, preview, ' ', issue);
        fail(error);
      }
    });
    replace(actions, box);
    yes.focus();
  });
  return h('section', {id: 'decision', 'aria-labelledby': 'decision-title'}, title,
      h('form', {class: 'stacked', id: 'decision-form', onsubmit: (e) => e.preventDefault()},
          h('fieldset', {}, h('legend', {}, t('decision.outcomeLegend')),
              outcome('APPROVED', true), outcome('REJECTED', false)),
          h('div', {class: 'field'}, h('label', {for: 'decision-text'}, t('decision.text')),
              h('p', {class: 'hint', id: 'decision-text-hint'}, t('decision.textHint')), free),
          message, actions, result));
}

// ---------------------------------------------------------------- admin: deliveries

async function adminView(params) {
  if (!requireRole('staff')) return;
  if (!session.admin) {
    replace(main, heading(t('admin.title')), h('p', {}, t('admin.only')));
    return;
  }
  const state = params.get('state') || 'FAILED';
  const entries = await api(`/v1/admin/outbox?state=${encodeURIComponent(state)}`);
  const message = h('div', {});
  const retry = async (path) => {
    try {
      const result = await api(path, {method: 'POST'});
      announce(result && 'retried' in result ? t('admin.retriedAll', {n: result.retried}) : t('admin.retried'));
      await render();
    } catch (error) {
      replace(message, problemBox(error));
      message.firstChild.focus();
    }
  };
  const stateSelect = h('select', {id: 'outbox-state', name: 'state'},
      ['FAILED', 'PENDING', 'AWAITING_CONFIRMATION', 'DELIVERED'].map((s) =>
        h('option', {value: s, selected: s === state}, t(`outbox.${s}`))));
  replace(main, heading(t('admin.title')), h('p', {class: 'lead'}, t('admin.intro')),
      h('form', {class: 'filters', onsubmit: (e) => {
        e.preventDefault();
        location.hash = `#/admin?state=${stateSelect.value}`;
      }}, h('div', {class: 'field'}, h('label', {for: 'outbox-state'}, t('admin.state')), stateSelect),
      h('button', {type: 'submit', class: 'primary'}, t('inbox.filter'))),
      message,
      state === 'FAILED' && entries.length
        ? h('p', {}, h('button', {type: 'button', id: 'retry-all', onclick: () => retry('/v1/admin/outbox/retry-failed')},
            t('admin.retryAll'))) : null,
      entries.length === 0 ? h('p', {role: 'status'}, t('admin.empty'))
        : table(t('admin.caption', {n: entries.length}),
            [t('admin.type'), t('admin.attempts'), t('admin.lastError'), t('admin.created'), t('admin.action')],
            entries.map((e) => h('tr', {}, h('td', {}, e.type), h('td', {}, String(e.attempts)),
                h('td', {}, e.lastError || ''), h('td', {}, formatDateTime(e.createdAt)),
                h('td', {}, e.state === 'FAILED'
                  ? h('button', {type: 'button', class: 'retry', onclick: () => retry(`/v1/admin/outbox/${e.id}/retry`)},
                      t('admin.retry'))
                  : '')))));
}

// ---------------------------------------------------------------- frame: navigation, router

const ROUTES = [
  [/^\/$/, catalogueView],
  [/^\/dienste\/([\w-]+)$/, serviceView],
  [/^\/antraege$/, myApplicationsView],
  [/^\/antraege\/([\w-]+)$/, myApplicationView],
  [/^\/termine$/, appointmentsView],
  [/^\/bearbeitung$/, inboxView],
  [/^\/bearbeitung\/([\w-]+)$/, staffApplicationView],
  [/^\/druckwarteschlange$/, printQueueView],
  [/^\/admin$/, adminView],
];

function navigation() {
  const has = (feature) => !session.features || session.features.includes(feature);
  const links = [];
  if (has('applications')) links.push(['#/', t('nav.services')]);
  if (has('appointments')) links.push(['#/termine', t('nav.appointments')]);
  if (session.role === 'applicant' && has('applications')) links.push(['#/antraege', t('nav.mine')]);
  if (session.role === 'staff' && has('applications')) links.push(['#/bearbeitung', t('nav.inbox')]);
  if (session.role === 'staff' && has('applications')) links.push(['#/druckwarteschlange', t('nav.print')]);
  if (session.admin) links.push(['#/admin', t('nav.admin')]);
  const path = (location.hash || '#/').split('?')[0];
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('nav.label'));
  replace(nav, h('ul', {}, links.map(([href, text]) => h('li', {}, h('a', {href,
    'aria-current': (href === '#/' ? path === '#/' || path === '' : path.startsWith(href)) ? 'page' : null}, text)))));

  const account = document.getElementById('account');
  if (session.role === 'anonymous') {
    replace(account, h('a', {class: 'button', href: loginHref(), id: 'login-link'}, t('nav.login')));
  } else {
    replace(account, h('span', {class: 'who'}, session.name),
        h('form', {method: 'post', action: session.logoutUrl, class: 'inline'},
            h('input', {type: 'hidden', name: '_csrf', value: session.csrfToken}),
            h('button', {type: 'submit', id: 'logout'}, t('nav.logout'))));
  }
  const switcher = document.getElementById('lang-switch');
  const other = lang() === 'de' ? 'en' : 'de';
  switcher.textContent = other === 'en' ? 'English' : 'Deutsch';
  switcher.setAttribute('lang', other);
  document.querySelector('.skip-link').textContent = t('nav.skip');
  document.querySelector('.brand-name').textContent = t('site.name');
  document.getElementById('footer-text').textContent = t('footer.text');
  document.getElementById('footer-api').textContent = t('footer.api');
}

async function render() {
  let [path, query] = (location.hash.replace(/^#/, '') || '/').split('?');
  // a deployment without the service portal starts with appointment booking
  if (path === '/' && session.features && !session.features.includes('applications')) path = '/termine';
  const params = new URLSearchParams(query || '');
  navigation();
  main.setAttribute('aria-busy', 'true');
  const route = ROUTES.map(([pattern, view]) => [path.match(pattern), view]).find(([m]) => m);
  try {
    if (route) await route[1](params, ...route[0].slice(1));
    else replace(main, heading(t('problem.notFound')), h('p', {}, h('a', {href: '#/'}, t('catalogue.back'))));
  } catch (error) {
    replace(main, heading(t('problem.pageTitle')), problemBox(error));
  } finally {
    main.removeAttribute('aria-busy');
    renders += 1;
    main.dataset.renders = String(renders); // lets tests wait for a finished view
  }
  if (!firstRender) main.querySelector('h1')?.focus();
  firstRender = false;
}

async function start() {
  await loadMessages();
  try {
    session = await api('/v1/session');
    setCsrfToken(session.csrfToken);
  } catch (e) {
    session = {role: 'anonymous', loginUrl: '/login'};
  }
  document.getElementById('lang-switch').addEventListener('click', async () => {
    await setLang(lang() === 'de' ? 'en' : 'de');
    await render();
  });
  document.querySelector('.skip-link').addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
  window.addEventListener('hashchange', (e) => {
    if (location.hash === '' || location.hash.startsWith('#/')) render();
  });
  await render();
}

start();
