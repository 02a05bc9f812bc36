/* The review page's script: inlined into every page by ReviewPageWriter; no library, nothing fetched.
 *
 * Datasets are embedded gzip-compressed (DatasetPayload.cs): a header with each column's distinct values, then one
 * part per column with a code per record. A dataset is decoded when it is opened; filters and sorts work on the distinct values first (a flag or a
 * rank per value) and then on the codes, and only one page of records is ever put into the document.
 *
 * The fragment of the address opens a view (links in the page use it too):
 *   #ds=LB&f.LBTESTCD==MCPROT&sort=LBSEQ&desc=1&page=2&size=100   a dataset, filtered, sorted, at a page
 *   #ds=AE&row=12                                                 a dataset at its record 12, highlighted
 *   #findings&severity=warning&dataset=AE&subject=01-001&rule=CT2002   the findings, filtered
 * A filter is text the value must contain (any case); "=x" asks for the value x exactly.
 */
(function () {
  'use strict';

  var SAS_EPOCH = Date.UTC(1960, 0, 1);

  function byId(id) { return document.getElementById(id); }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'; });
  }

  function count(n) { return Number(n).toLocaleString('en-US'); }

  // ---- Decoding ----------------------------------------------------------------------------------------------

  function base64Bytes(text) {
    var s = text.trim();
    if (typeof Uint8Array.fromBase64 === 'function') {
      return Uint8Array.fromBase64(s);
    }
    var binary = atob(s);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
  }

  function gunzip(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).arrayBuffer();
  }

  // The parts written by DatasetPayload: the header (JSON), then each column's codes, each gzip-compressed.
  function readPayload(buffers) {
    var header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffers[0])));
    var rows = header.rows;
    var columns = header.columns.map(function (c, i) {
      var buffer = buffers[i + 1];
      var codes = c.width === 1 ? new Uint8Array(buffer, 0, rows)
        : c.width === 2 ? new Uint16Array(buffer, 0, rows)
        : new Uint32Array(buffer, 0, rows);
      return { name: c.name, label: c.label, kind: c.kind, values: c.values, codes: codes };
    });
    return { rows: rows, columns: columns };
  }

  var loaded = new Map();
  function loadDataset(id) {
    if (!loaded.has(id)) {
      var element = byId('data-' + id);
      loaded.set(id, Promise.all(element.textContent.split('.').map(function (part) { return gunzip(base64Bytes(part)); })).then(readPayload));
    }
    return loaded.get(id);
  }

  // ---- Values as shown -------------------------------------------------------------------------------------

  function pad(n) { return n < 10 ? '0' + n : String(n); }

  function shownValue(kind, text) {
    if (text === '' || kind === 'text' || kind === 'number') {
      return text;
    }
    var n = Number(text);
    if (!isFinite(n)) {
      return text;
    }
    if (kind === 'date') {
      return new Date(SAS_EPOCH + Math.floor(n) * 86400000).toISOString().slice(0, 10);
    }
    if (kind === 'datetime') {
      return new Date(SAS_EPOCH + Math.floor(n) * 1000).toISOString().slice(0, 19);
    }
    var s = Math.floor(n);
    return pad(Math.floor(s / 3600)) + ':' + pad(Math.floor(s / 60) % 60) + ':' + pad(s % 60);
  }

  function shown(column) {
    if (!column.shown) {
      column.shown = column.values.map(function (v) { return shownValue(column.kind, v); });
    }
    return column.shown;
  }

  // The rank of each distinct value in ascending order; blanks and missing values last.
  function ranks(column) {
    if (!column.ranks) {
      var values = column.values;
      var numeric = column.kind !== 'text';
      var order = values.map(function (_, i) { return i; });
      var keys = values.map(function (v) { return numeric ? (v === '' ? NaN : Number(v)) : v; });
      order.sort(function (a, b) {
        var x = keys[a], y = keys[b];
        var xMissing = numeric ? isNaN(x) : x === '';
        var yMissing = numeric ? isNaN(y) : y === '';
        if (xMissing || yMissing) {
          return xMissing === yMissing ? a - b : xMissing ? 1 : -1;
        }
        return x < y ? -1 : x > y ? 1 : a - b;
      });
      var r = new Uint32Array(values.length);
      for (var i = 0; i < order.length; i++) {
        r[order[i]] = i;
      }
      column.ranks = r;
    }
    return column.ranks;
  }

  // Which distinct values a filter keeps: "=x" the value x (or a value listing x among others, "A / B"), else
  // values containing the text; any case.
  function keeps(column, filter) {
    var values = shown(column);
    var flags = new Uint8Array(values.length);
    var exact = filter.charAt(0) === '=';
    var wanted = (exact ? filter.slice(1) : filter).toLowerCase();
    for (var i = 0; i < values.length; i++) {
      var v = values[i].toLowerCase();
      flags[i] = exact ? (v === wanted || v.split(' / ').indexOf(wanted) >= 0 ? 1 : 0) : (v.indexOf(wanted) >= 0 ? 1 : 0);
    }
    return flags;
  }

  // ---- A paged table -----------------------------------------------------------------------------------------

  function Grid(root, options) {
    this.root = root;
    this.options = options || {};
    this.pageSize = 50;
    this.table = null;
  }

  Grid.prototype.show = function (table, name, state) {
    state = state || {};
    this.table = table;
    this.name = name;
    this.filters = table.columns.map(function () { return ''; });
    this.sort = -1;
    this.desc = false;
    this.page = 0;
    this.hit = -1;
    var self = this;
    Object.keys(state.filters || {}).forEach(function (variable) {
      var i = self.indexOf(variable);
      if (i >= 0) {
        self.filters[i] = state.filters[variable];
      }
    });
    if (state.sort) {
      this.sort = this.indexOf(state.sort);
      this.desc = !!state.desc;
    }
    if (state.size > 0) {
      this.pageSize = state.size;
    }
    this.build();
    this.compute();
    if (state.row > 0 && state.row <= table.rows) {
      this.showRecord(state.row);
    } else {
      this.page = state.page > 0 ? state.page - 1 : 0;
      this.render();
    }
  };

  Grid.prototype.indexOf = function (variable) {
    var wanted = String(variable).toUpperCase();
    for (var i = 0; i < this.table.columns.length; i++) {
      if (this.table.columns[i].name.toUpperCase() === wanted) {
        return i;
      }
    }
    return -1;
  };

  Grid.prototype.build = function () {
    var self = this;
    var columns = this.table.columns;
    var first = this.options.rowLabel || 'Record';
    var head = '<th scope="col"><button class="sort" type="button" data-col="-1" title="Back to the original order">' + escapeHtml(first) + '</button></th>';
    var filters = '<td></td>';
    for (var i = 0; i < columns.length; i++) {
      var c = columns[i];
      var sorted = i === this.sort ? (this.desc ? 'descending' : 'ascending') : 'none';
      head += '<th scope="col" aria-sort="' + sorted + '"><button class="sort" type="button" data-col="' + i + '" title="Sort by ' + escapeHtml(c.name) + '">' +
        escapeHtml(c.name) + '</button>' + (c.label ? '<span class="label">' + escapeHtml(c.label) + '</span>' : '') + '</th>';
      filters += '<td><input type="search" data-col="' + i + '" aria-label="Filter ' + escapeHtml(c.name) + '" value="' + escapeHtml(this.filters[i]) + '"></td>';
    }
    this.root.innerHTML =
      '<div class="pager"><p class="status" role="status"></p>' +
      '<button type="button" data-go="first">First</button><button type="button" data-go="prev">Previous</button>' +
      '<button type="button" data-go="next">Next</button><button type="button" data-go="last">Last</button>' +
      '<label>Records per page <select class="size">' + [25, 50, 100, 250].map(function (n) {
        return '<option' + (n === self.pageSize ? ' selected' : '') + '>' + n + '</option>';
      }).join('') + '</select></label></div>' +
      '<table><caption>' + escapeHtml(this.options.caption ? this.options.caption(this.name) : this.name) + '</caption>' +
      '<thead><tr>' + head + '</tr><tr class="filters">' + filters + '</tr></thead><tbody></tbody></table>';
    this.body = this.root.querySelector('tbody');
    this.status = this.root.querySelector('.status');
    this.root.querySelectorAll('button.sort').forEach(function (b) {
      b.addEventListener('click', function () { self.sortBy(Number(b.getAttribute('data-col'))); });
    });
    var timer = 0;
    this.root.querySelectorAll('tr.filters input').forEach(function (input) {
      input.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(function () { self.setFilter(Number(input.getAttribute('data-col')), input.value); }, 250);
      });
    });
    this.root.querySelectorAll('button[data-go]').forEach(function (b) {
      b.addEventListener('click', function () { self.go(b.getAttribute('data-go')); });
    });
    this.root.querySelector('select.size').addEventListener('change', function (e) {
      self.pageSize = Number(e.target.value);
      self.page = 0;
      self.render();
    });
  };

  Grid.prototype.setFilter = function (index, text) {
    if (index < 0) {
      return;
    }
    this.filters[index] = text;
    var input = this.root.querySelector('tr.filters input[data-col="' + index + '"]');
    if (input && input.value !== text) {
      input.value = text;
    }
    this.page = 0;
    this.hit = -1;
    this.compute();
    this.render();
  };

  Grid.prototype.sortBy = function (index) {
    this.desc = index === this.sort && index >= 0 ? !this.desc : false;
    this.sort = index;
    var self = this;
    this.root.querySelectorAll('thead th[aria-sort]').forEach(function (th, i) {
      th.setAttribute('aria-sort', i === self.sort ? (self.desc ? 'descending' : 'ascending') : 'none');
    });
    this.page = 0;
    this.compute();
    this.render();
  };

  Grid.prototype.go = function (where) {
    var pages = Math.max(1, Math.ceil(this.view.length / this.pageSize));
    this.page = where === 'first' ? 0 : where === 'last' ? pages - 1 : where === 'next' ? Math.min(pages - 1, this.page + 1) : Math.max(0, this.page - 1);
    this.render();
  };

  // The records shown, in order: filtered by each filter, then sorted (counting sort over the ranks; stable).
  Grid.prototype.compute = function () {
    var table = this.table;
    var view = null;
    for (var i = 0; i < table.columns.length; i++) {
      if (!this.filters[i]) {
        continue;
      }
      var flags = keeps(table.columns[i], this.filters[i]);
      var codes = table.columns[i].codes;
      var kept = 0;
      var next;
      if (view === null) {
        for (var r = 0; r < table.rows; r++) { kept += flags[codes[r]]; }
        next = new Uint32Array(kept);
        for (var r2 = 0, k = 0; r2 < table.rows; r2++) { if (flags[codes[r2]]) { next[k++] = r2; } }
      } else {
        for (var j = 0; j < view.length; j++) { kept += flags[codes[view[j]]]; }
        next = new Uint32Array(kept);
        for (var j2 = 0, k2 = 0; j2 < view.length; j2++) { if (flags[codes[view[j2]]]) { next[k2++] = view[j2]; } }
      }
      view = next;
    }
    if (view === null) {
      view = new Uint32Array(table.rows);
      for (var x = 0; x < table.rows; x++) { view[x] = x; }
    }
    if (this.sort >= 0) {
      var column = table.columns[this.sort];
      var rank = ranks(column);
      var codesOf = column.codes;
      var top = rank.length;
      var starts = new Uint32Array(top + 1);
      for (var a = 0; a < view.length; a++) {
        var rk = rank[codesOf[view[a]]];
        starts[(this.desc ? top - 1 - rk : rk) + 1]++;
      }
      for (var b = 1; b <= top; b++) { starts[b] += starts[b - 1]; }
      var sorted = new Uint32Array(view.length);
      for (var c = 0; c < view.length; c++) {
        var rc = rank[codesOf[view[c]]];
        sorted[starts[this.desc ? top - 1 - rc : rc]++] = view[c];
      }
      view = sorted;
    }
    this.view = view;
  };

  Grid.prototype.showRecord = function (record) {
    this.filters = this.filters.map(function () { return ''; });
    this.root.querySelectorAll('tr.filters input').forEach(function (input) { input.value = ''; });
    this.sort = -1;
    this.compute();
    this.hit = record;
    this.page = Math.floor((record - 1) / this.pageSize);
    this.render();
    var row = this.body.querySelector('tr.hit');
    if (row && row.scrollIntoView) {
      row.scrollIntoView({ block: 'center' });
    }
  };

  Grid.prototype.render = function () {
    var table = this.table;
    var total = this.view.length;
    var pages = Math.max(1, Math.ceil(total / this.pageSize));
    this.page = Math.min(Math.max(0, this.page), pages - 1);
    var from = this.page * this.pageSize;
    var to = Math.min(total, from + this.pageSize);
    var html = '';
    var cell = this.options.cell;
    for (var i = from; i < to; i++) {
      var r = this.view[i];
      var record = r + 1;
      html += '<tr data-record="' + record + '"' + (record === this.hit ? ' class="hit"' : '') + '><th scope="row">' + record + '</th>';
      for (var c = 0; c < table.columns.length; c++) {
        var column = table.columns[c];
        var text = shown(column)[column.codes[r]];
        var link = cell ? cell(column, r, text) : null;
        html += '<td>' + (link ? '<a href="' + escapeHtml(link) + '">' + escapeHtml(text) + '</a>' : escapeHtml(text)) + '</td>';
      }
      html += '</tr>';
    }
    this.body.innerHTML = html;
    this.status.setAttribute('data-matching', String(total));
    this.status.setAttribute('data-total', String(table.rows));
    this.status.setAttribute('data-shown', String(to - from));
    this.status.textContent = (total === 0 ? 'No record matches' : 'Records ' + count(from + 1) + '\u2013' + count(to) + ' of ' + count(total)) +
      (total === table.rows ? '' : ' matching (' + count(table.rows) + ' in all)') + '; page ' + (this.page + 1) + ' of ' + pages + '.';
  };

  // ---- The page's views --------------------------------------------------------------------------------------

  var meta = JSON.parse(byId('review-meta').textContent);
  var datasetSelect = byId('dataset-select');
  var datasetView = byId('dataset-view');
  var datasetGrid = new Grid(datasetView, {
    caption: function (name) {
      var d = meta.datasets.filter(function (x) { return x.name === name; })[0];
      return d ? d.name + ': ' + d.label + ' (' + d.folder + ')' : name;
    }
  });

  function datasetNamed(name) {
    var wanted = String(name).toUpperCase();
    return meta.datasets.filter(function (d) { return d.name.toUpperCase() === wanted || d.id === name; })[0] || null;
  }

  function problem(where, error) {
    where.innerHTML = '<p class="status" role="status">Could not show this: ' + escapeHtml(error && error.message ? error.message : error) + '</p>';
  }

  function openDataset(dataset, state) {
    datasetSelect.value = dataset.id;
    var status = datasetView.querySelector('.status');
    if (status) {
      status.textContent = 'Decoding ' + dataset.name + ' (' + count(dataset.rows) + ' records)\u2026';
    }
    var started = performance.now();
    return loadDataset(dataset.id).then(function (table) {
      datasetGrid.show(table, dataset.name, state);
      // How long decoding, filtering, sorting and drawing the first page took, for the curious (and the tests).
      var status = datasetView.querySelector('.status');
      status.setAttribute('data-ms', String(Math.round(performance.now() - started)));
      status.setAttribute('data-since-load-ms', String(Math.round(performance.now())));
    }, function (error) { problem(datasetView, error); });
  }

  datasetSelect.addEventListener('change', function () {
    var d = datasetNamed(datasetSelect.value);
    if (d) {
      openDataset(d);
    }
  });

  var findingsData = JSON.parse(byId('findings-data').textContent);
  var findingsTable = {
    rows: findingsData.rows,
    columns: findingsData.columns.map(function (c) { return { name: c.name, label: c.label, kind: c.kind, values: c.values, codes: c.codes }; })
  };
  var findingsView = byId('findings-view');
  var findingsGrid = new Grid(findingsView, {
    rowLabel: 'Finding',
    caption: function () { return 'Listed findings: each names its rule, dataset, record and subject; a record number opens the record.'; },
    cell: function (column, row, text) {
      if (text === '') {
        return null;
      }
      var dataset = findingsTable.columns[2];
      var name = dataset.values[dataset.codes[row]];
      if (!datasetNamed(name)) {
        return null;
      }
      if (column.name === 'RECORD') {
        return '#ds=' + encodeURIComponent(name) + '&row=' + encodeURIComponent(text);
      }
      if (column.name === 'DATASET') {
        return '#ds=' + encodeURIComponent(name);
      }
      if (column.name === 'USUBJID') {
        return '#ds=' + encodeURIComponent(name) + '&f.USUBJID=' + encodeURIComponent('=' + text);
      }
      return null;
    }
  });
  findingsGrid.show(findingsTable, 'findings', {});

  var findingControls = { severity: 'SEVERITY', dataset: 'DATASET', rule: 'RULE', subject: 'USUBJID' };
  Object.keys(findingControls).forEach(function (key) {
    var control = byId('finding-' + key);
    control.addEventListener(control.tagName === 'SELECT' ? 'change' : 'input', function () {
      var v = control.value;
      findingsGrid.setFilter(findingsGrid.indexOf(findingControls[key]), v === '' ? '' : key === 'subject' ? v : '=' + v);
    });
  });

  function applyFindings(params) {
    Object.keys(findingControls).forEach(function (key) {
      var control = byId('finding-' + key);
      var v = params.get(key) || '';
      if (control.tagName === 'SELECT' && v !== '' && !Array.prototype.some.call(control.options, function (o) { return o.value === v; })) {
        var option = document.createElement('option');
        option.value = v;
        option.textContent = v;
        control.appendChild(option);
      }
      control.value = v;
      findingsGrid.filters[findingsGrid.indexOf(findingControls[key])] = v === '' ? '' : key === 'subject' ? v : '=' + v;
    });
    findingsGrid.page = 0;
    findingsGrid.build();
    findingsGrid.compute();
    findingsGrid.render();
    byId('findings').scrollIntoView();
  }

  function applyHash() {
    var hash = location.hash.slice(1);
    var params = new URLSearchParams(hash);
    if (params.has('ds')) {
      var d = datasetNamed(params.get('ds'));
      if (!d) {
        return openDataset(datasetNamed(meta.initial) || meta.datasets[0]);
      }
      var state = { filters: {}, sort: params.get('sort'), desc: params.get('desc') === '1', page: Number(params.get('page')) || 0,
        size: Number(params.get('size')) || 0, row: Number(params.get('row')) || 0 };
      params.forEach(function (value, key) {
        if (key.indexOf('f.') === 0) {
          state.filters[key.slice(2)] = value;
        }
      });
      // A record scrolls itself into view; otherwise the table's section does.
      return openDataset(d, state).then(function () {
        if (!state.row) {
          byId('datasets').scrollIntoView();
        }
      });
    }
    if (hash === 'findings' || hash.indexOf('findings&') === 0) {
      applyFindings(params);
    }
    return null;
  }

  window.addEventListener('hashchange', applyHash);
  // A link to the view already in the address changes no hash: apply it again.
  document.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('a[href^="#"]') : null;
    if (a && a.getAttribute('href') === location.hash) {
      applyHash();
    }
  });

  if (meta.datasets.length === 0) {
    datasetView.innerHTML = '<p>The package has no dataset.</p>';
  } else {
    if (!new URLSearchParams(location.hash.slice(1)).has('ds')) {
      openDataset(datasetNamed(meta.initial) || meta.datasets[0]);
    }
    applyHash();
  }
})();
