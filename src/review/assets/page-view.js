// baocao review site: the page image beside the text (src/review/page-view.ts renders the panel).
// Listens to review.js's `baocao:select` (a value was selected) and asks it to select a value
// with `baocao:select-value` (a box on the image was clicked). Labels follow <html lang>.
'use strict';
(function () {
  var holder = document.getElementById('page-view-data');
  if (!holder) return;
  var data = JSON.parse(holder.textContent);
  var ZOOMS = [1, 1.5, 2, 3, 4, 6];
  /** Height a selected value's box is zoomed to, in CSS pixels (a comfortable reading size). */
  var READABLE = 28;

  function lang() { return /^en\b/i.test(document.documentElement.lang || '') ? 'en' : 'vi'; }
  function label(key, slots) {
    var text = data.labels[lang()][key] || data.labels.vi[key] || key;
    return text.replace(/\{(\w+)\}/g, function (all, name) { return slots && name in slots ? String(slots[name]) : all; });
  }
  function relabelStatic() {
    document.querySelectorAll('#page-view [data-pv-label], #pv-note').forEach(function (el) {
      var slots = el.getAttribute('data-pv-slots');
      el.textContent = label(el.getAttribute('data-pv-label'), slots ? JSON.parse(slots) : null);
    });
    var bar = document.querySelector('#page-view [data-pv-aria]');
    if (bar) bar.setAttribute('aria-label', label(bar.getAttribute('data-pv-aria')));
  }

  if (data.pages.length === 0) {
    new MutationObserver(relabelStatic).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    if (lang() !== 'vi') relabelStatic();
    return;
  }

  var pages = data.pages;
  var viewport = document.getElementById('pv-viewport');
  var sheet = document.getElementById('pv-sheet');
  var image = document.getElementById('pv-image');
  var layer = document.getElementById('pv-boxes');
  var where = document.getElementById('pv-where');
  var zoomText = document.getElementById('pv-zoom');
  var status = document.getElementById('pv-status');
  var previous = document.getElementById('pv-previous');
  var next = document.getElementById('pv-next');
  var current = 0; // index into pages
  var zoom = 1;
  var manualZoom = false;
  var selected = null;
  var statusKey = 'hint';
  var statusSlots = null;

  // Values by page: [id, box index on the page, [x, y, w, h]], larger boxes first so smaller ones
  // (a count inside a ratio) lie on top and take the click.
  var onPage = {};
  Object.keys(data.values).forEach(function (id) {
    var count = {};
    data.values[id].boxes.forEach(function (b) {
      var n = b[0];
      count[n] = (count[n] || 0) + 1;
      (onPage[n] = onPage[n] || []).push([id, count[n] - 1, b.slice(1)]);
    });
  });
  Object.keys(onPage).forEach(function (n) {
    onPage[n].sort(function (a, b) { return b[2][2] * b[2][3] - a[2][2] * a[2][3]; });
  });

  function pct(v, of) { return (v / of * 100) + '%'; }

  function showPage(index) {
    current = Math.max(0, Math.min(pages.length - 1, index));
    var p = pages[current];
    // the size first: the sheet keeps its place while the new image loads
    image.width = p.imageWidth;
    image.height = p.imageHeight;
    if (image.getAttribute('src') !== p.src) image.src = p.src;
    image.setAttribute('data-page', String(p.n));
    var boxes = (onPage[p.n] || []).map(function (entry) {
      var id = entry[0], first = entry[1] === 0, b = entry[2];
      var v = data.values[id];
      var el = document.createElement(first ? 'button' : 'span');
      el.className = 'pv-box st-' + v.status + (id === selected ? ' selected' : '');
      el.setAttribute('data-id', id);
      el.setAttribute('data-box', String(entry[1]));
      if (first) {
        el.type = 'button';
        el.setAttribute('aria-label', label('box', { read: v.read, id: id }));
        el.title = v.read;
      } else el.setAttribute('aria-hidden', 'true');
      el.style.left = pct(b[0], p.width);
      el.style.top = pct(b[1], p.height);
      el.style.width = pct(b[2], p.width);
      el.style.height = pct(b[3], p.height);
      return el;
    });
    layer.replaceChildren.apply(layer, boxes);
    previous.disabled = current === 0;
    next.disabled = current === pages.length - 1;
    relabelDynamic();
  }

  function relabelDynamic() {
    var p = pages[current];
    where.textContent = label('where', { n: p.n, total: pages.length });
    image.alt = label('alt', { n: p.n, total: pages.length, file: data.file });
    viewport.setAttribute('aria-label', label('viewport', { n: p.n }));
    zoomText.textContent = label('zoom', { percent: Math.round(zoom * 100) });
    status.textContent = label(statusKey, statusSlots);
    layer.querySelectorAll('button.pv-box').forEach(function (el) {
      var id = el.getAttribute('data-id');
      el.setAttribute('aria-label', label('box', { read: data.values[id].read, id: id }));
    });
  }

  /** Zoom to `z` (1 = the page's width fills the panel), keeping the point at the centre in view. */
  function setZoom(z) {
    var cx = (viewport.scrollLeft + viewport.clientWidth / 2) / sheet.offsetWidth;
    var cy = (viewport.scrollTop + viewport.clientHeight / 2) / sheet.offsetHeight;
    zoom = z;
    sheet.style.width = (z * 100) + '%';
    viewport.scrollLeft = cx * sheet.offsetWidth - viewport.clientWidth / 2;
    viewport.scrollTop = cy * sheet.offsetHeight - viewport.clientHeight / 2;
    relabelDynamic();
  }

  /** The selected value's boxes on the shown page, zoomed to a readable height and centred. */
  function focusBoxes(boxes) {
    var p = pages[current];
    if (!manualZoom) {
      var tallest = Math.max.apply(null, boxes.map(function (b) { return b[3]; }));
      var wanted = READABLE / (tallest * viewport.clientWidth / p.width);
      var z = ZOOMS.filter(function (level) { return level <= wanted; }).pop() || 1;
      if (z !== zoom) {
        zoom = z;
        sheet.style.width = (z * 100) + '%';
        relabelDynamic();
      }
    }
    var scale = sheet.offsetWidth / p.width;
    var x0 = Math.min.apply(null, boxes.map(function (b) { return b[0]; }));
    var y0 = Math.min.apply(null, boxes.map(function (b) { return b[1]; }));
    var x1 = Math.max.apply(null, boxes.map(function (b) { return b[0] + b[2]; }));
    var y1 = Math.max.apply(null, boxes.map(function (b) { return b[1] + b[3]; }));
    viewport.scrollLeft = ((x0 + x1) / 2) * scale - viewport.clientWidth / 2;
    viewport.scrollTop = ((y0 + y1) / 2) * scale - viewport.clientHeight / 2;
  }

  function setStatus(key, slots) {
    statusKey = key;
    statusSlots = slots || null;
    status.textContent = label(key, slots);
  }

  document.addEventListener('baocao:select', function (event) {
    var id = event.detail && event.detail.id;
    selected = id;
    var v = data.values[id];
    if (!v) {
      layer.querySelectorAll('.pv-box.selected').forEach(function (el) { el.classList.remove('selected'); });
      setStatus('noBoxes', { id: id });
      return;
    }
    var n = v.boxes[0][0];
    var index = pages.findIndex(function (p) { return p.n === n; });
    if (index < 0) return;
    if (index !== current) showPage(index);
    layer.querySelectorAll('.pv-box').forEach(function (el) {
      el.classList.toggle('selected', el.getAttribute('data-id') === id);
    });
    setStatus('hint');
    focusBoxes(v.boxes.filter(function (b) { return b[0] === n; }).map(function (b) { return b.slice(1); }));
  });

  layer.addEventListener('click', function (event) {
    var box = event.target.closest && event.target.closest('.pv-box');
    if (!box) return;
    document.dispatchEvent(new CustomEvent('baocao:select-value', { detail: { id: box.getAttribute('data-id') } }));
  });
  previous.addEventListener('click', function () { showPage(current - 1); viewport.scrollTop = 0; });
  next.addEventListener('click', function () { showPage(current + 1); viewport.scrollTop = 0; });
  function step(direction) {
    var at = ZOOMS.indexOf(zoom);
    if (at < 0) at = 0;
    manualZoom = true;
    setZoom(ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, at + direction))]);
  }
  document.getElementById('pv-zoom-in').addEventListener('click', function () { step(1); });
  document.getElementById('pv-zoom-out').addEventListener('click', function () { step(-1); });
  document.getElementById('pv-fit').addEventListener('click', function () { manualZoom = false; setZoom(1); });

  new MutationObserver(function () { relabelStatic(); relabelDynamic(); })
    .observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  if (lang() !== 'vi') relabelStatic();
  showPage(0);
})();
