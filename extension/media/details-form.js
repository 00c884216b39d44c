// The plan details form, generated from the schema's front-matter definition (sent by the extension).
// No network, no eval, no inline handlers: the page's Content-Security-Policy allows this file only.
// Every change goes back to the extension as {type:'change', path, op, value}; the extension edits
// the YAML in place and sends the new values and problems back.
/* global acquireVsCodeApi */ // given to the page by VS Code's webview
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('form');
  let state = { schema: {}, values: {}, problems: {} };
  const isObject = (v) => v && typeof v === 'object' && !Array.isArray(v);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c) e.append(c);
    return e;
  }

  const labelOf = (key, s) => {
    const t = (s && s.title) || key.replace(/_/g, ' ');
    return t.charAt(0).toUpperCase() + t.slice(1);
  };
  const send = (path, op, value) => vscode.postMessage({ type: 'change', path, op, value });
  const idOf = (path) => 'f-' + path.join('-');

  function help(s) {
    const text = [s && s['x-why'], s && s['x-write']].filter(Boolean).join(' ');
    return text ? el('p', { class: 'help', text }) : null;
  }

  function problemsFor(path) {
    const list = state.problems[path.join('/')] || [];
    if (!list.length) return null;
    return el('ul', { class: 'problems', role: 'alert' }, ...list.map((m) => el('li', { text: m })));
  }

  function scalarInput(path, s, value) {
    const id = idOf(path);
    let input;
    if (Array.isArray(s.enum)) {
      input = el('select', { id });
      if (value === undefined) input.append(el('option', { value: '', text: 'Choose...' }));
      for (const v of s.enum)
        input.append(el('option', { value: String(v), text: String(v), selected: String(v) === String(value) }));
    } else if (s.type === 'boolean') {
      input = el('input', { id, type: 'checkbox', checked: value === true });
    } else if (s.format === 'date' || s['x-kind'] === 'date') {
      input = el('input', {
        id,
        type: 'date',
        value: typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '',
      });
      if (typeof value === 'string' && value && !/^\d{4}-\d{2}-\d{2}$/.test(value))
        input.title = 'Written as: ' + value;
    } else {
      input = el('input', {
        id,
        type: s['x-kind'] === 'phone' ? 'tel' : 'text',
        value: value === undefined || value === null ? '' : String(value),
        placeholder: s.default !== undefined ? String(s.default) : '',
      });
    }
    input.addEventListener('change', () => {
      let v = input.type === 'checkbox' ? input.checked : input.value;
      if (v === '' && input.tagName === 'SELECT') return;
      if ((s.type === 'number' || s.type === 'integer') && v !== '' && !Number.isNaN(Number(v))) v = Number(v);
      send(path, 'set', v);
    });
    return input;
  }

  function field(path, key, s, value, required) {
    s = s || {};
    const label = labelOf(key, s) + (required ? ' *' : '');
    if (s.type === 'object' && isObject(s.properties)) {
      const box = el('fieldset', { class: 'group' }, el('legend', { text: label }), help(s), problemsFor(path));
      const v = isObject(value) ? value : {};
      for (const [k, sub] of Object.entries(s.properties))
        box.append(field(path.concat(k), k, sub, v[k], (s.required || []).includes(k)));
      return box;
    }
    if (s.type === 'array') {
      const items = Array.isArray(value) ? value : [];
      const item = s.items || {};
      const box = el('fieldset', { class: 'list' }, el('legend', { text: label }), help(s), problemsFor(path));
      if (Array.isArray(item.enum)) {
        // A set of allowed values: one checkbox each.
        for (const v of item.enum) {
          const id = idOf(path.concat(String(v)));
          const cb = el('input', { id, type: 'checkbox', checked: items.includes(v) });
          cb.addEventListener('change', () => {
            if (cb.checked) send(path, 'append', v);
            else send(path.concat(items.indexOf(v)), 'delete');
          });
          box.append(el('div', { class: 'row' }, cb, el('label', { for: id, text: String(v) })));
        }
        return box;
      }
      items.forEach((v, i) => {
        const row = el('div', { class: 'row item' });
        if (item.type === 'object' && isObject(item.properties)) {
          const sub = el('div', { class: 'subfields' });
          for (const [k, ps] of Object.entries(item.properties))
            sub.append(
              field(path.concat(i, k), k, ps, isObject(v) ? v[k] : undefined, (item.required || []).includes(k)),
            );
          row.append(sub);
        } else {
          const input = scalarInput(path.concat(i), item, v);
          input.setAttribute('aria-label', label + ' ' + (i + 1));
          row.append(input);
        }
        const remove = el('button', { type: 'button', class: 'remove', title: 'Remove this row', text: 'Remove' });
        remove.addEventListener('click', () => send(path.concat(i), 'delete'));
        row.append(remove);
        box.append(row);
      });
      const add = el('button', { type: 'button', class: 'add', text: 'Add ' + (item.title || 'a row') });
      add.addEventListener('click', () => {
        let blank;
        if (item.type === 'object' && isObject(item.properties)) {
          blank = {};
          for (const k of item.required || Object.keys(item.properties).slice(0, 1))
            blank[k] = '{{' + labelOf(k, item.properties[k]).toLowerCase() + '}}';
        } else blank = '{{' + (item.title || 'value') + '}}';
        send(path, 'append', blank);
      });
      box.append(add);
      return box;
    }
    const input = scalarInput(path, s, value);
    const wrap = el(
      'div',
      { class: 'field' + (state.problems[path.join('/')] ? ' invalid' : '') },
      el('label', { for: input.id, text: label }),
      input,
      help(s),
      problemsFor(path),
    );
    return wrap;
  }

  function render() {
    const focused = document.activeElement && document.activeElement.id;
    root.replaceChildren();
    const s = state.schema;
    if (state.problems['']) root.append(problemsFor([]));
    for (const [k, sub] of Object.entries(s.properties || {}))
      root.append(field([k], k, sub, state.values[k], (s.required || []).includes(k)));
    if (focused) document.getElementById(focused)?.focus();
  }

  window.addEventListener('message', (e) => {
    const m = e.data;
    if (m && m.type === 'state') {
      state = m;
      document.getElementById('message').textContent = m.message || '';
      if (m.schema) render();
      else root.replaceChildren();
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
