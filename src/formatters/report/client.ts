/**
 * The report page's one script, inline: it sorts the count tables and
 * filters and pages the problem list. It reads its data from the page's
 * `application/json` elements, writes rows with textContent only (no text
 * from a record is ever parsed as HTML) and asks the network for nothing.
 * Plain ES2017, so any browser an official has opens it.
 */
export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var PAGE_SIZE = 50;
  function byId(id) { return document.getElementById(id); }
  function each(list, f) { Array.prototype.forEach.call(list, f); }

  function sortValue(row, col) {
    var cell = row.cells[col];
    if (!cell) return '';
    var v = cell.getAttribute('data-v');
    return v === null ? cell.textContent : v;
  }
  function compare(a, b, numeric) {
    if (numeric) return (a === '' ? -1 : Number(a)) - (b === '' ? -1 : Number(b));
    return String(a).localeCompare(String(b));
  }
  function sortTable(table, th, col) {
    var numeric = th.getAttribute('data-sort') === 'num';
    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    each(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    function cmp(a, b) { return dir * compare(sortValue(a, col), sortValue(b, col), numeric); }
    if (table.classList.contains('grouped')) {
      var bodies = Array.prototype.slice.call(table.tBodies);
      bodies.forEach(function (body) {
        Array.prototype.slice.call(body.rows, 1).sort(cmp).forEach(function (r) { body.appendChild(r); });
      });
      bodies.sort(function (a, b) { return cmp(a.rows[0], b.rows[0]); }).forEach(function (body) { table.insertBefore(body, table.tFoot); });
    } else {
      var body = table.tBodies[0];
      Array.prototype.slice.call(body.rows).sort(cmp).forEach(function (r) { body.appendChild(r); });
    }
  }
  each(document.querySelectorAll('table.sortable'), function (table) {
    each(table.tHead.rows[0].cells, function (th, col) {
      th.tabIndex = 0;
      th.addEventListener('click', function () { sortTable(table, th, col); });
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortTable(table, th, col); }
      });
    });
  });

  var dataElement = byId('report-data');
  if (!dataElement) return;
  var data = JSON.parse(dataElement.textContent);
  var rows = JSON.parse(byId('report-rows').textContent);
  var f = { severity: byId('f-severity'), rule: byId('f-rule'), province: byId('f-province'), provider: byId('f-provider'), text: byId('f-text') };
  var page = 0;

  function option(select, value, label) {
    var o = document.createElement('option');
    o.value = String(value);
    o.textContent = label;
    select.appendChild(o);
  }
  data.severities.forEach(function (s) { option(f.severity, s[0], s[1]); });
  data.rules.forEach(function (r, i) { option(f.rule, i, r[0]); });
  data.provinces.forEach(function (p, i) { option(f.province, i, p); });
  data.providers.forEach(function (p, i) { option(f.provider, i, p); });

  // Row: [file, line, column, filingId, record from 1, pointer, severity, message, rule, province, provider]
  var haystacks = [];
  function haystack(i) {
    if (haystacks[i] === undefined) {
      var r = rows[i];
      haystacks[i] = [data.files[r[0]] + ':' + r[1], r[3] || '', r[5], data.titles[r[5]] || '', r[7], data.rules[r[8]][0], data.rules[r[8]][1]].join('\n').toLowerCase();
    }
    return haystacks[i];
  }
  function matching() {
    var severity = f.severity.value, rule = f.rule.value, province = f.province.value, provider = f.provider.value;
    var text = f.text.value.trim().toLowerCase();
    var found = [];
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      if (severity !== '' && r[6] !== severity) continue;
      if (rule !== '' && r[8] !== Number(rule)) continue;
      if (province !== '' && r[9] !== Number(province)) continue;
      if (provider !== '' && r[10] !== Number(provider)) continue;
      if (text !== '' && haystack(i).indexOf(text) < 0) continue;
      found.push(r);
    }
    return found;
  }
  function cell(tr, text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    tr.appendChild(td);
    return td;
  }
  function rowOf(r) {
    var tr = document.createElement('tr');
    cell(tr, data.files[r[0]] + ':' + r[1]).title = data.files[r[0]] + ':' + r[1] + ':' + r[2];
    cell(tr, r[3] === null ? '' : r[3]);
    cell(tr, String(r[4]), 'n');
    var field = cell(tr, data.titles[r[5]] || '');
    var pointer = document.createElement('code');
    pointer.textContent = r[5];
    if (field.textContent !== '') field.appendChild(document.createElement('br'));
    field.appendChild(pointer);
    cell(tr, data.severityNames[r[6]], r[6]);
    cell(tr, r[7]);
    cell(tr, data.rules[r[8]][0]);
    cell(tr, data.rules[r[8]][1]);
    tr.setAttribute('data-province', data.provinces[r[9]]);
    tr.setAttribute('data-provider', data.providers[r[10]]);
    return tr;
  }
  function show() {
    var found = matching();
    var pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
    if (page >= pages) page = pages - 1;
    var body = byId('problem-rows');
    body.textContent = '';
    found.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).forEach(function (r) { body.appendChild(rowOf(r)); });
    byId('page-status').textContent = data.pageText.replace('{page}', String(page + 1)).replace('{pages}', String(pages)).replace('{count}', String(found.length));
    byId('page-previous').disabled = page === 0;
    byId('page-next').disabled = page >= pages - 1;
  }
  [f.severity, f.rule, f.province, f.provider].forEach(function (s) { s.addEventListener('change', function () { page = 0; show(); }); });
  f.text.addEventListener('input', function () { page = 0; show(); });
  byId('page-previous').addEventListener('click', function () { page--; show(); });
  byId('page-next').addEventListener('click', function () { page++; show(); });
  byId('problem-list').hidden = false;
  show();
})();
`;
