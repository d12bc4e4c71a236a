// baocao review site: behaviour only (the pages arrive fully rendered). No framework: the page is
// static HTML with a few hundred listeners' worth of work, and plain DOM keeps it dependency-free
// from file:// as well as from `baocao review --serve`.
'use strict';
(function () {
  var kind = document.body.getAttribute('data-page');
  // ---- Language: Vietnamese first, English by the switch; the choice is kept in localStorage -----
  var LABELS = window.BAOCAO_LABELS || { vi: {}, en: {} };
  var LANG_STORE = 'baocao-review-lang';
  var lang = 'vi';
  try { if (localStorage.getItem(LANG_STORE) === 'en') lang = 'en'; } catch (e) { /* storage refused: Vietnamese */ }
  var onLang = [];
  function num(n) {
    return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 4 }).format(n);
  }
  // A label with its {name} places filled; numbers printed in the language's way (labels.ts, t).
  function T(key, args) {
    var s = LABELS[lang][key];
    if (s === undefined) return key;
    return s.replace(/\{(\w+)\}/g, function (m, name) {
      if (!args || args[name] === undefined) return m;
      return typeof args[name] === 'number' ? num(args[name]) : String(args[name]);
    });
  }
  function argsOf(el, attr) {
    var a = el.getAttribute(attr);
    return a ? JSON.parse(a) : undefined;
  }
  function applyLang() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-l]').forEach(function (el) { el.textContent = T(el.getAttribute('data-l'), argsOf(el, 'data-a')); });
    document.querySelectorAll('[data-l-aria]').forEach(function (el) { el.setAttribute('aria-label', T(el.getAttribute('data-l-aria'), argsOf(el, 'data-aa'))); });
    var button = document.getElementById('lang-switch');
    if (button) button.setAttribute('lang', lang === 'vi' ? 'en' : 'vi');
    if (kind === 'index') document.title = T('index.title');
    onLang.forEach(function (f) { f(); });
  }
  var switchButton = document.getElementById('lang-switch');
  if (switchButton) {
    switchButton.addEventListener('click', function () {
      lang = lang === 'vi' ? 'en' : 'vi';
      try { localStorage.setItem(LANG_STORE, lang); } catch (e) { /* not kept */ }
      applyLang();
    });
  }

  if (kind === 'index') sortableTable(document.getElementById('documents'));
  if (kind === 'document') documentPage();
  // the pages arrive in Vietnamese
  if (lang !== 'vi') applyLang();

  // ---- Index: sort by any column; the server rendered "failed checks, descending" ----------------
  function sortableTable(table) {
    if (!table) return;
    var headers = table.querySelectorAll('thead th');
    table.querySelectorAll('thead button').forEach(function (button) {
      button.addEventListener('click', function () {
        var column = Number(button.getAttribute('data-column'));
        var numeric = button.getAttribute('data-type') === 'number';
        var th = button.parentElement;
        var descending = th.getAttribute('aria-sort') !== 'descending' && (numeric || th.getAttribute('aria-sort') === 'ascending');
        headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[column];
          var v = cell.getAttribute('data-sort') || cell.textContent.trim();
          return numeric ? Number(v) : v;
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var c = numeric ? x - y : x.localeCompare(y, 'vi');
          return descending ? -c : c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  // ---- Document page ------------------------------------------------------------------------------
  function documentPage() {
    var data = JSON.parse(document.getElementById('review-data').textContent);
    var values = data.values;
    var local = location.protocol === 'file:';
    var STORE = 'baocao-review-marks';

    // Elements of each value id, in both texts, and the reading order of ids.
    var elements = {};
    var order = [];
    var seen = {};
    var shown = document.getElementById('doc-text');
    document.querySelectorAll('pre.doc mark.v[data-ids]').forEach(function (el) {
      var inShown = el.parentNode === shown;
      el.getAttribute('data-ids').split(' ').forEach(function (id) {
        if (!elements[id]) elements[id] = [];
        elements[id].push(el);
        if (inShown && !seen[id]) { seen[id] = true; order.push(id); }
      });
    });
    // a figure's cell in the tables view is one more element of it (coloured, selected, marked)
    document.querySelectorAll('table.cells button[data-value]').forEach(function (el) {
      var id = el.getAttribute('data-value');
      if (!elements[id]) elements[id] = [];
      elements[id].push(el);
    });
    var bySpan = {};
    Object.keys(values).forEach(function (id) {
      var s = values[id].provenance.span;
      bySpan[s.start + '-' + s.end] = id;
    });

    var failedLinks = Array.prototype.slice.call(document.querySelectorAll('#failed-checks a.check-link'));
    var checks = {};
    data.checks.forEach(function (c) { checks[c.id] = c; });
    var activeCheck = -1;
    var selected = null;
    var verdicts = {}; // value id -> its latest mark
    var lastMessage = null; // [key, args] of the status line, re-said in the other language
    var detail = document.getElementById('detail');
    var status = document.getElementById('save-status');
    var confirmButton = document.getElementById('mark-confirmed');
    var wrongButton = document.getElementById('mark-wrong');
    var correctForm = document.getElementById('correct-form');
    var correctInput = document.getElementById('correct-value');
    var note = document.getElementById('note');
    var showOriginal = document.getElementById('show-original');

    // args.mark: a verdict, said in the language of the moment
    function say(key, args) {
      lastMessage = [key, args];
      status.textContent = T(key, args && args.mark ? { id: args.id, verdict: verdictText(args.mark) } : args);
    }

    function visible(id) {
      var list = elements[id] || [];
      for (var i = 0; i < list.length; i++) if (!list[i].closest('pre[hidden]')) return list[i];
      return null;
    }
    function reveal(id) {
      var el = visible(id);
      if (el) el.scrollIntoView({ block: 'center' });
    }

    function select(id, scroll) {
      if (selected) (elements[selected] || []).forEach(function (el) { el.classList.remove('selected'); });
      selected = id;
      (elements[id] || []).forEach(function (el) { el.classList.add('selected'); });
      if (scroll !== false) reveal(id);
      renderDetail(id);
      confirmButton.disabled = wrongButton.disabled = false;
      // only a figure has a number to correct
      correctForm.hidden = values[id].target !== 'figure';
      var m = verdicts[id];
      correctInput.value = m && m.verdict === 'corrected' ? num(m.value) : '';
      syncVerdictButtons();
      // the page image beside the text (page-view.js) follows the selection
      document.dispatchEvent(new CustomEvent('baocao:select', { detail: { id: id } }));
    }
    document.addEventListener('baocao:select-value', function (event) {
      if (values[event.detail.id]) select(event.detail.id);
    });

    function verdictText(m) {
      if (!m) return T('verdict.none');
      return m.verdict === 'corrected' ? T('verdict.corrected', { value: m.value }) : T('verdict.' + m.verdict);
    }

    function renderDetail(id) {
      var v = values[id];
      var rows = [];
      var add = function (label, value, cls) {
        if (value === null || value === undefined || value === '') return;
        rows.push([T(label), String(value), cls]);
      };
      add('detail.read', v.read, 'orig');
      if (v.target === 'figure') {
        add('detail.value', (v.comparator ? v.comparator + ' ' : '') + num(v.value) + (v.of !== null ? ' / ' + num(v.of) : '') + (v.unit ? ' ' + v.unit : ''));
        add('detail.kind', v.kind + (v.role === 'target' ? ' ' + T('detail.target') : ''));
        add('detail.subject', v.subject);
        add('detail.rowLabel', v.cell && v.cell.label);
        add('detail.columnPath', v.cell && v.cell.path.join(' / '));
        add('detail.metric', v.metric || T('detail.noMetric'));
        add('detail.period', v.period);
        add('detail.parent', v.parent);
        (v.checks || []).forEach(function (cid) {
          var c = checks[cid];
          if (c) add('detail.check', T(c.holds ? 'detail.holds' : 'detail.fails') + c.text[lang] + ' (' + T('check.expected', { expected: c.expected, actual: c.actual }) + ')');
        });
      } else {
        add('detail.kind', v.kind);
        add('detail.number', v.number);
        add('detail.year', v.year);
        add('detail.symbol', v.symbol);
        add('detail.date', v.date);
        add('detail.issuer', v.issuer);
      }
      add('detail.confidence', v.confidence === null || v.confidence === undefined ? null : num(v.confidence));
      var p = v.provenance;
      add('detail.original', p.text !== v.read ? p.text : null, 'orig');
      add('detail.line', p.line);
      add('detail.page', p.page);
      p.boxes.forEach(function (b) {
        add('detail.box', T('detail.boxValue', { page: String(b.page), x: round(b.x), y: round(b.y), width: round(b.width), height: round(b.height) }));
      });
      add('detail.verdict', verdictText(verdicts[id]));
      var dl = document.createElement('dl');
      rows.forEach(function (r) {
        var dt = document.createElement('dt');
        dt.textContent = r[0];
        var dd = document.createElement('dd');
        dd.textContent = r[1];
        if (r[2]) dd.className = r[2];
        dl.appendChild(dt);
        dl.appendChild(dd);
      });
      var h = document.createElement('p');
      h.textContent = T(v.target === 'figure' ? 'detail.figure' : 'detail.reference', { id: id, status: T('status.' + v.status) });
      detail.replaceChildren(h, dl);
    }
    function round(n) { return Math.round(n * 10) / 10; }

    // A value's tooltip, in the reviewer's language, written when the pointer first comes to it.
    function tooltip(id) {
      var v = values[id];
      var what = v.target === 'figure'
        ? id + ': ' + (v.comparator ? v.comparator + ' ' : '') + num(v.value) + (v.of !== null ? '/' + num(v.of) : '') + ' ' + (v.unit || '') + ' · ' + (v.metric || v.subject || T('tip.noMetric'))
        : id + ': ' + v.kind + ' ' + (v.number || '') + (v.symbol ? '/' + v.symbol : '') + (v.date ? ' · ' + v.date : '');
      var where = T('tip.line', { line: String(v.provenance.line) }) + (v.provenance.page ? T('tip.page', { page: String(v.provenance.page) }) : '');
      var orig = v.provenance.text !== v.read ? '\n' + T('tip.original', { text: v.provenance.text }) : '';
      return what.trim() + ' (' + where + ')' + orig;
    }
    function restoredTip(el) {
      var r = el.getAttribute('data-r');
      return T('restored.tip', {
        original: el.getAttribute('data-o'), chosen: el.textContent, confidence: Number(el.getAttribute('data-c')),
        alt: r ? T('restored.alt', { runnerUp: r }) : '',
      });
    }
    document.addEventListener('mouseover', function (event) {
      var t = event.target;
      if (!t.closest) return;
      var rs = t.closest('span.rs[data-o]');
      if (rs && rs.getAttribute('data-tl') !== lang) {
        rs.title = restoredTip(rs);
        rs.setAttribute('data-tl', lang);
      }
      var mark = t.closest('pre.doc mark.v[data-ids]');
      if (mark && mark.getAttribute('data-tl') !== lang) {
        mark.title = mark.getAttribute('data-ids').split(' ').map(tooltip).join('\n');
        mark.setAttribute('data-tl', lang);
      }
    });

    // ---- Restored words: one tab stop in the text (a roving tabindex), r / R step through them ----
    var restored = Array.prototype.slice.call(shown.querySelectorAll('span.rs[data-o]'));
    var restoredAt = 0;
    if (restored.length) restored[0].tabIndex = 0;
    function focusRestored(i) {
      if (restored.length === 0) return;
      restored[restoredAt].tabIndex = -1;
      restoredAt = (i + restored.length) % restored.length;
      var el = restored[restoredAt];
      el.tabIndex = 0;
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'center' });
    }
    // the low-confidence list: a link focuses its word in the text, as r / R would
    var unsureList = document.getElementById('unsure-words');
    if (unsureList) unsureList.addEventListener('click', function (event) {
      var a = event.target.closest && event.target.closest('a[data-restored]');
      if (!a) return;
      var i = restored.indexOf(document.getElementById('rs-' + a.getAttribute('data-restored')));
      if (i < 0) return;
      event.preventDefault();
      focusRestored(i);
    });
    shown.addEventListener('focusin', function (event) {
      var i = restored.indexOf(event.target);
      if (i < 0 || i === restoredAt) return;
      restored[restoredAt].tabIndex = -1;
      restoredAt = i;
      restored[i].tabIndex = 0;
    });
    function describeRestored() {
      document.querySelectorAll('span.rs[data-o]').forEach(function (el) {
        el.setAttribute('aria-description', T('restored.description', { original: el.getAttribute('data-o') }));
      });
    }

    function showCheck(index) {
      if (failedLinks.length === 0) return;
      activeCheck = (index + failedLinks.length) % failedLinks.length;
      highlightCheck(failedLinks[activeCheck]);
    }
    function highlightCheck(link) {
      document.querySelectorAll('mark.current').forEach(function (el) { el.classList.remove('current'); });
      document.querySelectorAll('li.check.active').forEach(function (el) { el.classList.remove('active'); el.removeAttribute('aria-current'); });
      var c = checks[link.getAttribute('data-check')];
      if (!c) return;
      c.figures.forEach(function (id) { (elements[id] || []).forEach(function (el) { el.classList.add('current'); }); });
      var item = link.closest('li.check');
      item.classList.add('active');
      item.setAttribute('aria-current', 'true');
      link.focus({ preventScroll: true });
      item.scrollIntoView({ block: 'nearest' });
      var first = c.figures.filter(function (id) { return values[id]; })[0];
      if (first) select(first);
    }

    // The top repair proposed for a check (src/validate), when its figure is on this page.
    function proposalOf(c) {
      var p = c && !c.holds && c.proposals && c.proposals[0];
      return p && values[p.figure] && values[p.figure].target === 'figure' ? p : null;
    }
    // `a`: the proposal of the active failed check, else of the first failed check of the selected value.
    function applyProposal(checkId) {
      var c = checkId ? checks[checkId] : activeCheck >= 0 ? checks[failedLinks[activeCheck].getAttribute('data-check')] : null;
      if (!proposalOf(c) && selected && values[selected].checks) {
        c = values[selected].checks.map(function (id) { return checks[id]; }).filter(proposalOf)[0] || c;
      }
      var p = proposalOf(c);
      if (!p) { say('save.noProposal'); return; }
      // a repair of two figures (the same `set`) is applied whole
      var together = c.proposals.filter(function (q) { return q !== p && p.set !== undefined && q.set === p.set && values[q.figure]; });
      [p].concat(together).forEach(function (q) {
        select(q.figure);
        give('corrected', q.proposed);
      });
    }

    document.addEventListener('click', function (event) {
      var t = event.target;
      var apply = t.closest && t.closest('button[data-apply]');
      if (apply) {
        applyProposal(apply.getAttribute('data-apply'));
        return;
      }
      var checkLink = t.closest && t.closest('a.check-link');
      if (checkLink) {
        event.preventDefault();
        var i = failedLinks.indexOf(checkLink);
        if (i >= 0) showCheck(i); else highlightCheck(checkLink);
        return;
      }
      var cell = t.closest && t.closest('table.cells button[data-value]');
      if (cell) {
        select(cell.getAttribute('data-value'), false);
        return;
      }
      var valueLink = t.closest && t.closest('a[data-value]');
      if (valueLink) {
        event.preventDefault();
        select(valueLink.getAttribute('data-value'));
        return;
      }
      var mark = t.closest && t.closest('pre.doc mark.v[data-ids]');
      if (mark) select(innermost(mark.getAttribute('data-ids').split(' ')), false);
    });
    // Where values overlap, a click means the shortest one (the count inside a ratio).
    function innermost(ids) {
      return ids.reduce(function (best, id) {
        return values[id].read.length < values[best].read.length ? id : best;
      });
    }

    document.addEventListener('keydown', function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var t = event.target;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
      var k = event.key;
      if (k === 'n') showCheck(activeCheck + 1);
      else if (k === 'p') showCheck(activeCheck < 0 ? -1 : activeCheck - 1);
      else if (k === 'j' || k === 'k') {
        if (order.length === 0) return;
        var at = selected === null ? -1 : order.indexOf(selected);
        var next = k === 'j' ? at + 1 : at <= 0 ? order.length - 1 : at - 1;
        select(order[next % order.length]);
      } else if (k === 'c' && selected) give('confirmed');
      else if (k === 'w' && selected) give('wrong');
      else if (k === 'e' && selected && !correctForm.hidden) { correctInput.focus(); correctInput.select(); }
      else if (k === 'a') applyProposal(null);
      else if (k === 'r') focusRestored(document.activeElement === restored[restoredAt] ? restoredAt + 1 : restoredAt);
      else if (k === 'R') focusRestored(restoredAt - 1);
      else return;
      event.preventDefault();
    });

    if (showOriginal) {
      showOriginal.addEventListener('change', function () {
        document.getElementById('doc-original').hidden = !showOriginal.checked;
        document.getElementById('doc-text').hidden = showOriginal.checked;
        if (selected) reveal(selected);
      });
    }

    // A typed number: `1.894` and `93,93` in Vietnamese, `1,894` and `93.93` in English; a lone
    // separator followed by other than three digits is the decimal mark in either.
    function parseTyped(text) {
      var s = text.replace(/[\s%]/g, '');
      if (!/^[-+]?[\d.,]*\d[\d.,]*$/.test(s)) return null;
      var dots = (s.match(/\./g) || []).length;
      var commas = (s.match(/,/g) || []).length;
      var decimal;
      if (dots && commas) decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
      else if (dots + commas === 0) decimal = null;
      else {
        var sep = dots ? '.' : ',';
        var count = dots || commas;
        var grouped = /^[-+]?\d{1,3}([.,]\d{3})+$/.test(s);
        if (count > 1) decimal = grouped ? null : 'bad';
        else if (!grouped) decimal = sep;
        else decimal = (lang === 'vi' ? ',' : '.') === sep ? sep : null;
      }
      if (decimal === 'bad') return null;
      var group = decimal === '.' ? ',' : decimal === ',' ? '.' : /[.,]/.exec(s) && /[.,]/.exec(s)[0];
      if (group) s = s.split(group).join('');
      if (decimal === ',') s = s.replace(',', '.');
      var n = Number(s);
      return Number.isFinite(n) ? n : null;
    }
    correctForm.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!selected || values[selected].target !== 'figure') return;
      var n = parseTyped(correctInput.value);
      if (n === null) { say('save.badNumber', { text: correctInput.value }); return; }
      give('corrected', n);
    });

    // ---- Verdicts: POST to the local server, or localStorage from file:// ------------------------
    function applyMark(m) {
      if (m.sha256 !== data.sha256) return;
      var id = bySpan[m.span.start + '-' + m.span.end];
      if (!id) return;
      verdicts[id] = m;
      (elements[id] || []).forEach(function (el) {
        el.classList.remove('rv-confirmed', 'rv-wrong', 'rv-corrected');
        el.classList.add('rv-' + m.verdict);
      });
    }
    function syncVerdictButtons() {
      var v = verdicts[selected] && verdicts[selected].verdict;
      confirmButton.setAttribute('aria-pressed', String(v === 'confirmed'));
      wrongButton.setAttribute('aria-pressed', String(v === 'wrong'));
    }
    function countMarks() {
      document.getElementById('marks-count').textContent = String(Object.keys(verdicts).length);
    }
    function storedLines() {
      try { return JSON.parse(localStorage.getItem(STORE) || '[]'); } catch (e) { return []; }
    }

    function markOf(id, verdict, corrected) {
      var v = values[id];
      var m = {
        time: new Date().toISOString(), file: data.file, sha256: data.sha256, id: id, target: v.target,
        verdict: verdict, span: v.provenance.span, line: v.provenance.line, text: v.provenance.text,
      };
      if (v.target === 'figure') {
        m.value = verdict === 'corrected' ? corrected : v.value;
        if (verdict === 'corrected') m.read = v.value;
        m.metric = v.metric;
      }
      if (note.value.trim()) m.note = note.value.trim();
      return m;
    }

    function give(verdict, corrected) {
      var id = selected;
      var m = markOf(id, verdict, corrected);
      var done = function (key) {
        applyMark(m);
        syncVerdictButtons();
        countMarks();
        renderDetail(id);
        note.value = '';
        if (verdict === 'corrected') correctInput.value = num(m.value);
        say(key, { id: id, mark: m });
      };
      if (local) {
        var lines = storedLines();
        lines.push(m);
        localStorage.setItem(STORE, JSON.stringify(lines));
        done('save.local');
        return;
      }
      say('save.saving');
      fetch('/api/marks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(m) })
        .then(function (r) {
          if (!r.ok) return r.text().then(function (t) { throw new Error(t); });
          return r.json().then(function (saved) { m = saved; done('save.saved'); });
        })
        .catch(function (e) { say('save.failed', { reason: e.message }); });
    }
    confirmButton.addEventListener('click', function () { if (selected) give('confirmed'); });
    wrongButton.addEventListener('click', function () { if (selected) give('wrong'); });

    data.marks.forEach(applyMark);
    var mode = document.getElementById('marks-mode');
    var modeNote = document.createElement('span');
    modeNote.setAttribute('data-l', local ? 'doc.marksLocal' : 'doc.marksServer');
    modeNote.textContent = T(local ? 'doc.marksLocal' : 'doc.marksServer');
    mode.append(' ', modeNote);
    var exportButton = document.getElementById('export-marks');
    if (local) {
      storedLines().forEach(applyMark);
      exportButton.addEventListener('click', function () {
        var text = storedLines().map(function (m) { return JSON.stringify(m); }).join('\n');
        var a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob([text ? text + '\n' : ''], { type: 'application/x-ndjson' }));
        a.download = 'review.jsonl';
        document.body.appendChild(a);
        a.click();
        a.remove();
      });
    } else {
      exportButton.hidden = true;
      fetch('/api/marks').then(function (r) { return r.ok ? r.json() : []; }).then(function (marks) {
        marks.forEach(applyMark);
        countMarks();
      }).catch(function () { /* the embedded marks stay */ });
    }
    countMarks();

    // ---- The other language: what the script wrote, and the check descriptions -----------------
    onLang.push(function () {
      document.querySelectorAll('a.check-link[data-check]').forEach(function (link) {
        var c = checks[link.getAttribute('data-check')];
        var desc = link.querySelector('.desc');
        if (c && desc) desc.textContent = c.text[lang];
      });
      describeRestored();
      if (selected) {
        renderDetail(selected);
        var m = verdicts[selected];
        if (m && m.verdict === 'corrected') correctInput.value = num(m.value);
      }
      if (lastMessage) say(lastMessage[0], lastMessage[1]);
      var title = document.querySelector('h1');
      document.title = title.textContent + ' · ' + T('doc.review');
    });
  }
})();
