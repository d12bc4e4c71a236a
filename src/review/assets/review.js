// baocao review site: behaviour only (the pages arrive fully rendered). No framework: the page is
// static HTML with a few hundred listeners' worth of work, and plain DOM keeps it dependency-free
// from file:// as well as from `baocao review --serve`.
'use strict';
(function () {
  var kind = document.body.getAttribute('data-page');
  if (kind === 'index') sortableTable(document.getElementById('documents'));
  if (kind === 'document') documentPage();

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
    var verdicts = {}; // value id -> verdict
    var detail = document.getElementById('detail');
    var status = document.getElementById('save-status');
    var confirmButton = document.getElementById('mark-confirmed');
    var wrongButton = document.getElementById('mark-wrong');
    var note = document.getElementById('note');
    var showOriginal = document.getElementById('show-original');

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
      syncVerdictButtons();
      // the page image beside the text (page-view.js) follows the selection
      document.dispatchEvent(new CustomEvent('baocao:select', { detail: { id: id } }));
    }
    document.addEventListener('baocao:select-value', function (event) {
      if (values[event.detail.id]) select(event.detail.id);
    });

    function renderDetail(id) {
      var v = values[id];
      var rows = [];
      var add = function (label, value, cls) {
        if (value === null || value === undefined || value === '') return;
        rows.push([label, String(value), cls]);
      };
      add('Read as', v.read, 'orig');
      if (v.target === 'figure') {
        add('Value', (v.comparator ? v.comparator + ' ' : '') + v.value + (v.of !== null ? ' / ' + v.of : '') + (v.unit ? ' ' + v.unit : ''));
        add('Kind', v.kind + (v.role === 'target' ? ' (target)' : ''));
        add('Subject', v.subject);
        add('Metric', v.metric || 'none');
        add('Period', v.period);
        add('Part of', v.parent);
        (v.checks || []).forEach(function (cid) {
          var c = checks[cid];
          if (c) add('Check', (c.holds ? 'holds: ' : 'FAILS: ') + (c.description || c.kind) + ' (expected ' + c.expected + ', actual ' + c.actual + ')');
        });
      } else {
        add('Kind', v.kind);
        add('Number', v.number);
        add('Year', v.year);
        add('Symbol', v.symbol);
        add('Date', v.date);
        add('Issuer', v.issuer);
      }
      add('Confidence', v.confidence);
      var p = v.provenance;
      add('Original', p.text !== v.read ? p.text : null, 'orig');
      add('Line', p.line);
      add('Page', p.page);
      p.boxes.forEach(function (b) {
        add('Box', 'page ' + b.page + ': x ' + round(b.x) + ', y ' + round(b.y) + ', ' + round(b.width) + ' × ' + round(b.height));
      });
      add('Verdict', verdicts[id] || 'not reviewed');
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
      h.textContent = (v.target === 'figure' ? 'Figure ' : 'Reference ') + id + ' (' + v.status + ')';
      detail.replaceChildren(h, dl);
    }
    function round(n) { return Math.round(n * 10) / 10; }

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

    document.addEventListener('click', function (event) {
      var t = event.target;
      var checkLink = t.closest && t.closest('a.check-link');
      if (checkLink) {
        event.preventDefault();
        var i = failedLinks.indexOf(checkLink);
        if (i >= 0) showCheck(i); else highlightCheck(checkLink);
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

    // ---- Verdicts: POST to the local server, or localStorage from file:// ------------------------
    function applyMark(m) {
      if (m.sha256 !== data.sha256) return;
      var id = bySpan[m.span.start + '-' + m.span.end];
      if (!id) return;
      verdicts[id] = m.verdict;
      (elements[id] || []).forEach(function (el) {
        el.classList.remove('rv-confirmed', 'rv-wrong');
        el.classList.add('rv-' + m.verdict);
      });
    }
    function syncVerdictButtons() {
      confirmButton.setAttribute('aria-pressed', String(verdicts[selected] === 'confirmed'));
      wrongButton.setAttribute('aria-pressed', String(verdicts[selected] === 'wrong'));
    }
    function countMarks() {
      document.getElementById('marks-count').textContent = String(Object.keys(verdicts).length);
    }
    function storedLines() {
      try { return JSON.parse(localStorage.getItem(STORE) || '[]'); } catch (e) { return []; }
    }

    function markOf(id, verdict) {
      var v = values[id];
      var m = {
        time: new Date().toISOString(), file: data.file, sha256: data.sha256, id: id, target: v.target,
        verdict: verdict, span: v.provenance.span, line: v.provenance.line, text: v.provenance.text,
      };
      if (v.target === 'figure') { m.value = v.value; m.metric = v.metric; }
      if (note.value.trim()) m.note = note.value.trim();
      return m;
    }

    function give(verdict) {
      var id = selected;
      var m = markOf(id, verdict);
      var done = function (message) {
        applyMark(m);
        syncVerdictButtons();
        countMarks();
        renderDetail(id);
        note.value = '';
        status.textContent = message;
      };
      if (local) {
        var lines = storedLines();
        lines.push(m);
        localStorage.setItem(STORE, JSON.stringify(lines));
        done(id + ' marked ' + verdict + ' (kept in this browser: download the lines to keep them).');
        return;
      }
      status.textContent = 'Saving…';
      fetch('/api/marks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(m) })
        .then(function (r) {
          if (!r.ok) return r.text().then(function (t) { throw new Error(t); });
          return r.json().then(function (saved) { m = saved; done(id + ' marked ' + verdict + ', saved to review.jsonl.'); });
        })
        .catch(function (e) { status.textContent = 'Not saved: ' + e.message; });
    }
    confirmButton.addEventListener('click', function () { if (selected) give('confirmed'); });
    wrongButton.addEventListener('click', function () { if (selected) give('wrong'); });

    data.marks.forEach(applyMark);
    var mode = document.getElementById('marks-mode');
    var exportButton = document.getElementById('export-marks');
    if (local) {
      storedLines().forEach(applyMark);
      mode.insertAdjacentText('beforeend', ' Opened from a file: marks are kept in this browser. Download them and append them to the output folder\'s review.jsonl.');
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
      mode.insertAdjacentText('beforeend', ' Marks are saved to review.jsonl in the output folder.');
      fetch('/api/marks').then(function (r) { return r.ok ? r.json() : []; }).then(function (marks) {
        marks.forEach(applyMark);
        countMarks();
      }).catch(function () { /* the embedded marks stay */ });
    }
    countMarks();
  }
})();
