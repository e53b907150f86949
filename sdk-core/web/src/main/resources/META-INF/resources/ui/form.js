// Builds an accessible HTML form from a service's form description
// (GET /api/v1/services/{id}/form: the JSON Schema's inputs in order, labelled de/en),
// validates it in the browser with German/English messages and ties every error to its field.
import {h, uid} from './dom.js';
import {t, localized} from './i18n.js';

const idOf = (pointer) => `f${pointer.replace(/[^A-Za-z0-9]+/g, '-')}`;

function groupTitle(schema, segment) {
  const prop = schema?.properties?.[segment];
  return prop ? localized(prop.title, prop['x-title-en']) : segment;
}

function example(schema, pointer) {
  let node = schema;
  for (const segment of pointer.split('/').slice(1)) node = node?.properties?.[segment];
  return node?.examples?.[0];
}

function control(field, id, describedBy) {
  const common = {id, name: field.pointer, 'aria-describedby': describedBy,
    required: field.required};
  if (field.options && field.options.length) {
    return h('select', common, h('option', {value: ''}, t('form.choose')),
        field.options.map((o) => h('option', {value: o}, o)));
  }
  switch (field.type) {
    case 'boolean':
      return h('input', {...common, type: 'checkbox', required: false});
    case 'integer':
      return h('input', {...common, type: 'text', inputmode: 'numeric'});
    case 'number':
      return h('input', {...common, type: 'text', inputmode: 'decimal'});
    case 'array':
      return h('textarea', {...common, rows: 4});
    default:
      break;
  }
  if (field.format === 'date') return h('input', {...common, type: 'date'});
  if (field.format === 'email') {
    return h('input', {...common, type: 'email', autocomplete: 'email',
      maxlength: field.maxLength});
  }
  if (field.maxLength && field.maxLength > 200) {
    return h('textarea', {...common, rows: 5, maxlength: field.maxLength});
  }
  return h('input', {...common, type: 'text', maxlength: field.maxLength});
}

function fieldBlock(field, schema) {
  const id = idOf(field.pointer);
  const errorId = `${id}-error`;
  const hintText = example(schema, field.pointer);
  const hintId = hintText ? `${id}-hint` : null;
  const input = control(field, id, [hintId, errorId].filter(Boolean).join(' '));
  input.dataset.pointer = field.pointer;
  const label = h('label', {for: id}, localized(field.label),
      field.required && field.type !== 'boolean'
        ? h('span', {class: 'required'}, ' ', h('abbr', {title: t('form.requiredTitle')}, '*'))
        : null);
  const hint = hintText
    ? h('p', {class: 'hint', id: hintId}, t('form.example', {example: hintText}))
    : field.type === 'array' ? h('p', {class: 'hint', id: `${id}-hint`}, t('form.onePerLine'))
    : null;
  if (field.type === 'array') input.setAttribute('aria-describedby', `${id}-hint ${errorId}`);
  const error = h('p', {class: 'field-error', id: errorId, hidden: true});
  return field.type === 'boolean'
    ? h('div', {class: 'field checkbox'}, input, label, error)
    : h('div', {class: 'field'}, label, hint, error, input);
}

/** The form's fields, grouped in fieldsets by their first JSON-pointer segment. */
export function renderFields(formView) {
  const groups = new Map();
  const out = [];
  for (const field of formView.fields) {
    const segments = field.pointer.split('/').slice(1);
    if (segments.length > 1) {
      let set = groups.get(segments[0]);
      if (!set) {
        set = h('fieldset', {}, h('legend', {}, groupTitle(formView.schema, segments[0])));
        groups.set(segments[0], set);
        out.push(set);
      }
      set.append(fieldBlock(field, formView.schema));
    } else {
      out.push(fieldBlock(field, formView.schema));
    }
  }
  return out;
}

function valueOf(input, field) {
  if (field.type === 'boolean') return {present: true, value: input.checked};
  const raw = input.value.trim();
  if (raw === '') return {present: false};
  if (field.type === 'array') {
    return {present: true, value: raw.split('\n').map((s) => s.trim()).filter(Boolean)};
  }
  if (field.type === 'integer' || field.type === 'number') {
    const normalised = raw.replace(/\s/g, '').replace(',', '.');
    const n = Number(normalised);
    const ok = normalised !== '' && Number.isFinite(n) && (field.type === 'number' || Number.isInteger(n));
    return {present: true, value: ok ? n : raw, invalid: !ok};
  }
  return {present: true, value: raw};
}

function check(field, v) {
  if (!v.present) return field.required ? t('form.required') : null;
  if (v.invalid) return t(field.type === 'integer' ? 'form.integer' : 'form.number');
  const value = v.value;
  if (typeof value === 'string') {
    if (field.minLength && value.length < field.minLength) return t('form.minLength', {n: field.minLength});
    if (field.maxLength && value.length > field.maxLength) return t('form.maxLength', {n: field.maxLength});
    if (field.format === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return t('form.email');
    if (field.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return t('form.date');
    if (field.pattern && !new RegExp(field.pattern, 'u').test(value)) return t('form.pattern');
    if (field.options?.length && !field.options.includes(value)) return t('form.required');
  }
  if (typeof value === 'number') {
    if (field.minimum !== null && field.minimum !== undefined && value < field.minimum) {
      return t('form.minimum', {n: field.minimum});
    }
    if (field.maximum !== null && field.maximum !== undefined && value > field.maximum) {
      return t('form.maximum', {n: field.maximum});
    }
  }
  if (Array.isArray(value) && field.required && value.length === 0) return t('form.required');
  return null;
}

function put(target, pointer, value) {
  const segments = pointer.split('/').slice(1);
  let node = target;
  for (const segment of segments.slice(0, -1)) node = node[segment] ??= {};
  node[segments[segments.length - 1]] = value;
}

/**
 * Reads and checks the form: {data, errors}, errors as [{pointer, message}] in field order.
 */
export function collect(form, formView) {
  const data = {};
  const errors = [];
  for (const field of formView.fields) {
    const input = form.querySelector(`#${idOf(field.pointer)}`);
    const v = valueOf(input, field);
    const message = check(field, v);
    if (message) errors.push({pointer: field.pointer, message});
    else if (v.present) put(data, field.pointer, v.value);
  }
  return {data, errors};
}

/** Shows one message next to its field (or clears it with null). */
export function markField(form, pointer, message) {
  const input = form.querySelector(`#${idOf(pointer)}`);
  if (!input) return false;
  const error = form.querySelector(`#${idOf(pointer)}-error`);
  if (message) {
    input.setAttribute('aria-invalid', 'true');
    error.textContent = message;
    error.hidden = false;
  } else {
    input.removeAttribute('aria-invalid');
    error.textContent = '';
    error.hidden = true;
  }
  return true;
}

/** Clears all field messages. */
export function clearFields(form) {
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((el) => {
    el.textContent = '';
    el.hidden = true;
  });
}

/** Checks one field when it loses focus, so mistakes show up while filling in. */
export function validateOnBlur(form, formView) {
  form.addEventListener('focusout', (event) => {
    const pointer = event.target?.dataset?.pointer;
    const field = formView.fields.find((f) => f.pointer === pointer);
    if (!field || (event.target.value === '' && !event.target.hasAttribute('aria-invalid'))) return;
    markField(form, pointer, check(field, valueOf(event.target, field)));
  });
}

export {idOf};
export const newId = uid;
