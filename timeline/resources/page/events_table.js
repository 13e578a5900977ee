// The timeline page's table of events: filter, sort, download the rows shown as CSV.
// Inlined into the page by timeline/export.py; reads the rows from #events-data and writes
// every cell with textContent, so article text is never parsed as HTML.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('events-data').textContent);
  var columns = data.columns;
  var events = data.rows.map(function (row, index) {
    var event = { country_level: data.country_level[index] };
    columns.forEach(function (name, i) { event[name] = row[i]; });
    return event;
  });
  var MAX_SHOWN = 1000;
  var LIST_COLUMNS = data.list_columns;
  var FORMULA = /^'*[=+\-@\t\r]/;
  var byId = function (id) { return document.getElementById(id); };
  var controls = {
    type: byId('f-type'), acled: byId('f-acled'), actor: byId('f-actor'), place: byId('f-place'),
    from: byId('f-from'), to: byId('f-to'), words: byId('f-words')
  };
  var table = byId('events-table');
  var state = { key: 'date', direction: 1, shown: events };

  var label = function (value) { return String(value || '').replace(/_/g, ' '); };
  var list = function (value) { return Array.isArray(value) ? value : []; };
  var lower = function (value) { return String(value == null ? '' : value).toLowerCase(); };
  var day = function (value) { return value ? String(value).slice(0, 10) : ''; };
  // ACLED's event type, or the group of the events ACLED does not code
  var acled = function (e) { return e.acled_event_type || data.not_acled; };

  // name, heading, sort key, cell writer
  var SHOWN = [
    ['date', 'date', function (e) { return e.date_start || '\uffff'; }, dateCell],
    ['event_type', 'type', function (e) { return label(e.event_type); }, typeCell],
    ['status', 'status', function (e) { return e.status; }, textCell('status')],
    ['actors', 'actors → targets', function (e) { return lower(list(e.actors)[0] || '\uffff'); }, actorsCell],
    ['location', 'place', function (e) { return lower(e.location || '\uffff'); }, placeCell],
    ['headline', 'event and evidence', function (e) { return lower(e.headline); }, whatCell],
    ['source', 'source', function (e) { return lower(e.source); }, sourceCell]
  ];

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  function sub(cell, text) { if (text) cell.appendChild(element('span', text, 'sub')); }
  function dateCell(cell, e) {
    cell.className = 'when';
    cell.appendChild(document.createTextNode(e.date_precision === 'none' || !e.date ? 'no date' : e.date));
    sub(cell, e.date_precision === 'none' ? '' : e.date_precision + ', ' + e.date_basis);
  }
  function typeCell(cell, e) {
    var dot = element('span', null, 'dot');
    dot.style.background = data.colours[e.event_type] || '#9aa5b1';
    cell.appendChild(dot);
    cell.appendChild(document.createTextNode(label(e.event_type)));
    var line = element('span', null, 'sub');
    var acledDot = element('span', null, 'dot');
    acledDot.style.background = data.acled_colours[acled(e)] || '#9aa5b1';
    line.appendChild(acledDot);
    line.appendChild(document.createTextNode(e.acled_event_type
      ? 'ACLED: ' + e.acled_event_type + (e.acled_sub_event_type ? ' · ' + e.acled_sub_event_type : '')
      : data.not_acled));
    cell.appendChild(line);
  }
  function textCell(name) { return function (cell, e) { cell.textContent = e[name] || ''; }; }
  function actorsCell(cell, e) {
    var actors = list(e.actors).join(', '), targets = list(e.targets).join(', ');
    cell.textContent = actors || targets ? (actors || '?') + ' → ' + (targets || '?') : '';
    sub(cell, list(e.actor_countries).join(', '));
  }
  function placeCell(cell, e) {
    cell.textContent = e.location || '';
    if (e.location && e.country_level) sub(cell, 'only the country is known');
  }
  function whatCell(cell, e) {
    cell.className = 'what';
    cell.appendChild(element('b', e.headline));
    sub(cell, e.sentence);
    if (e.date_text) sub(cell, 'dated from “' + e.date_text + '”');
  }
  function sourceCell(cell, e) {
    cell.appendChild(document.createTextNode(e.source || ''));
    var title = e.title || e.doc_id;
    if (/^https?:\/\//i.test(String(e.url || ''))) {
      var link = element('a', title, 'sub');
      link.href = e.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      cell.appendChild(link);
    } else {
      sub(cell, title);
    }
  }

  function matches(e, f) {
    if (f.type && e.event_type !== f.type) return false;
    if (f.acled && acled(e) !== f.acled) return false;
    if (f.actor && lower(list(e.actors).concat(list(e.actor_countries)).join(' | ')).indexOf(f.actor) < 0) return false;
    if (f.place && lower(e.location).indexOf(f.place) < 0) return false;
    if ((f.from || f.to) && !e.date_start) return false;
    if (f.from && day(e.date_end) < f.from) return false;
    if (f.to && day(e.date_start) > f.to) return false;
    if (f.words) {
      var text = lower([e.headline, e.sentence, e.source, e.title, e.weapon].join(' | '));
      if (text.indexOf(f.words) < 0) return false;
    }
    return true;
  }

  function render() {
    var f = {
      type: controls.type.value, acled: controls.acled.value, actor: lower(controls.actor.value.trim()),
      place: lower(controls.place.value.trim()), from: controls.from.value, to: controls.to.value,
      words: lower(controls.words.value.trim())
    };
    var sortKey = SHOWN.filter(function (c) { return c[0] === state.key; })[0][2];
    var shown = events.filter(function (e) { return matches(e, f); });
    shown.sort(function (a, b) {
      var x = sortKey(a), y = sortKey(b);
      return (x < y ? -1 : x > y ? 1 : 0) * state.direction || (a.event_id < b.event_id ? -1 : 1);
    });
    state.shown = shown;
    var body = document.createElement('tbody');
    shown.slice(0, MAX_SHOWN).forEach(function (e) {
      var row = body.insertRow();
      row.dataset.eventId = e.event_id;
      SHOWN.forEach(function (c) { c[3](row.insertCell(), e); });
    });
    table.replaceChild(body, table.tBodies[0]);
    table.querySelectorAll('th').forEach(function (th) {
      th.setAttribute('aria-sort', th.dataset.key === state.key
        ? (state.direction > 0 ? 'ascending' : 'descending') : 'none');
    });
    var more = shown.length > MAX_SHOWN ? ' (the first ' + MAX_SHOWN + ' shown; the download has all)' : '';
    byId('events-count').textContent = shown.length + ' of ' + events.length + ' events' + more;
    byId('events-download').textContent = shown.length === 1 ? 'download this row (CSV)'
      : 'download these ' + shown.length + ' rows (CSV)';
  }

  // as timeline.frame.as_list reads a list cell: JSON, else '; '-joined items
  function readList(text) {
    text = text.trim();
    if (!text) return [];
    if (text.charAt(0) === '[') {
      try { return JSON.parse(text).map(String); } catch (error) { /* not JSON: joined items */ }
    }
    return text.split('; ').filter(Boolean);
  }
  // as timeline.frame.list_cell writes one: joined with '; ', or JSON where the join would not read back
  function listCell(value) {
    var items = list(value).map(String), joined = items.join('; ');
    var back = readList(joined);
    var same = back.length === items.length && back.every(function (item, i) { return item === items[i]; });
    return same ? joined : JSON.stringify(items);
  }
  function csvCell(name, value) {
    var text = LIST_COLUMNS.indexOf(name) >= 0 ? listCell(value)
      : value === null || value === undefined ? '' : String(value);
    // as events.csv does: strings and joined lists, never numbers (-5)
    if ((typeof value === 'string' || Array.isArray(value)) && FORMULA.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function csv(rows) {
    var lines = [columns.map(function (c) { return csvCell('', c); }).join(',')];
    rows.forEach(function (e) {
      lines.push(columns.map(function (c) { return csvCell(c, e[c]); }).join(','));
    });
    return lines.join('\r\n') + '\r\n';
  }

  function header() {
    var row = table.tHead.insertRow();
    SHOWN.forEach(function (c) {
      var th = element('th');
      th.dataset.key = c[0];
      th.scope = 'col';
      var button = element('button', c[1]);
      button.type = 'button';
      button.addEventListener('click', function () {
        state.direction = state.key === c[0] ? -state.direction : 1;
        state.key = c[0];
        render();
      });
      th.appendChild(button);
      row.appendChild(th);
    });
  }

  function options(select, valueOf, last) {
    var counts = {};
    events.forEach(function (e) { var v = valueOf(e); counts[v] = (counts[v] || 0) + 1; });
    Object.keys(counts).sort(function (a, b) {
      return (a === last) - (b === last) || counts[b] - counts[a] || (a < b ? -1 : 1);
    }).forEach(function (value) {
      var option = element('option', label(value) + ' (' + counts[value] + ')');
      option.value = value;
      select.appendChild(option);
    });
  }

  var link = byId('events-download');
  link.addEventListener('click', function () {
    if (link.href.indexOf('blob:') === 0) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([csv(state.shown)], { type: 'text/csv;charset=utf-8' }));
  });
  Object.keys(controls).forEach(function (name) {
    controls[name].addEventListener('input', render);
  });
  byId('f-clear').addEventListener('click', function () {
    Object.keys(controls).forEach(function (name) { controls[name].value = ''; });
    render();
  });
  header();
  options(controls.type, function (e) { return e.event_type; });
  options(controls.acled, acled, data.not_acled);
  render();
})();
