// paperpulse dashboard: plain JavaScript and SVG, every asset served by the application.
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var TOP = 15;
  var PAPERS = 10;
  var HISTORY_BUCKETS = 24;
  var RETRY_MS = 2000;
  // the default view skips back over buckets with fewer papers than this (an almost empty newest bucket),
  // up to LOOK_BACK buckets; when none has that many it shows the fullest of them
  var FEW_PAPERS = 5;
  var LOOK_BACK = 12;

  var state = {
    granularity: localStorage.getItem("paperpulse.granularity"),
    bucket: null,        // start of the bucket shown (ISO date)
    ranking: null,
    previousRanks: {},   // tag -> rank in the previous distinct ranking of the same bucket
    seenTags: null,      // tags shown since the page (or granularity) was opened
    selected: null,
    source: null,
    alertSource: null,
    alertsSeen: null,    // alert keys present when the page (or granularity) was opened
    historyTimer: null
  };

  var el = function (id) { return document.getElementById(id); };

  function svgNode(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function shorten(text, max) { return text.length > max ? text.slice(0, max - 1) + "…" : text; }

  function formatNumber(n) { return Number(n).toLocaleString(); }

  // ---- ranking ---------------------------------------------------------------------------

  function acceptRanking(view) {
    var old = state.ranking;
    if (old && old.bucketStart === view.bucketStart && old.granularity === view.granularity) {
      var changed = JSON.stringify(old.tags) !== JSON.stringify(view.tags);
      if (changed) {
        state.previousRanks = {};
        old.tags.forEach(function (t) { state.previousRanks[t.tag] = t.rank; });
      }
    } else {
      state.previousRanks = {};
      state.seenTags = null;
    }
    if (!state.seenTags) {
      state.seenTags = {};
      view.tags.forEach(function (t) { state.seenTags[t.tag] = true; });
    }
    state.ranking = view;
    if (!state.selected || !view.tags.some(function (t) { return t.tag === state.selected; })) {
      if (!state.selected && view.tags.length) { state.selected = view.tags[0].tag; }
    }
    el("ranking-status").textContent = view.tags.length ? "" : "No tags in this bucket yet.";
    el("updated").textContent = "updated " + new Date().toLocaleTimeString();
    renderRanking();
    scheduleHistory();
  }

  function movement(tag) {
    if (!state.seenTags[tag.tag]) { return { cls: "new", symbol: "●", title: "new in the ranking" }; }
    var before = state.previousRanks[tag.tag];
    if (before === undefined) { return null; }
    if (before > tag.rank) { return { cls: "up", symbol: "▲", title: "up from #" + before }; }
    if (before < tag.rank) { return { cls: "down", symbol: "▼", title: "down from #" + before }; }
    return null;
  }

  function renderRanking() {
    var chart = el("ranking-chart");
    clear(chart);
    var view = state.ranking;
    if (!view || !view.tags.length) { chart.setAttribute("height", 0); return; }
    var tags = view.tags.slice(0, TOP);
    var width = Math.max(chart.clientWidth || 600, 280);
    var rowHeight = 30;
    var labelWidth = Math.min(Math.round(width * 0.42), 240);
    var barStart = 52 + labelWidth;
    var valueSpace = width < 480 ? 44 : 110;
    var barSpace = Math.max(width - barStart - valueSpace, 30);
    var maxCount = Math.max.apply(null, tags.map(function (t) { return t.paperCount; }));
    var maxChars = Math.max(Math.floor(labelWidth / 7.2), 8);
    chart.setAttribute("viewBox", "0 0 " + width + " " + tags.length * rowHeight);
    chart.setAttribute("height", tags.length * rowHeight);

    tags.forEach(function (t, i) {
      var y = i * rowHeight;
      var row = svgNode("g", { "class": "row" + (t.tag === state.selected ? " selected" : ""), "data-tag": t.tag });
      row.appendChild(svgNode("rect", { "class": "track", x: 0, y: y + 2, width: width, height: rowHeight - 4, rx: 6 }));
      var move = movement(t);
      if (move) {
        var arrow = svgNode("text", { "class": move.cls, x: 4, y: y + 20 }, move.symbol);
        arrow.appendChild(svgNode("title", {}, move.title));
        row.appendChild(arrow);
      }
      row.appendChild(svgNode("text", { "class": "dim", x: 22, y: y + 20 }, "#" + t.rank));
      var label = svgNode("text", { x: 52, y: y + 20 }, shorten(t.tag, maxChars));
      label.appendChild(svgNode("title", {}, t.tag + " (" + t.kind.toLowerCase() + ")"));
      row.appendChild(label);
      var barWidth = Math.max(3, Math.round(barSpace * t.paperCount / maxCount));
      row.appendChild(svgNode("rect", {
        "class": "bar" + (t.kind === "KEYPHRASE" ? " keyphrase" : ""),
        x: barStart, y: y + 7, width: barWidth, height: rowHeight - 14, rx: 4
      }));
      var value = width < 480 ? formatNumber(t.paperCount)
        : formatNumber(t.paperCount) + (t.paperCount === 1 ? " paper" : " papers") + " · " + t.score.toFixed(1);
      row.appendChild(svgNode("text", { "class": "dim", x: barStart + barWidth + 6, y: y + 20 }, value));
      row.addEventListener("click", function () { select(t.tag); });
      chart.appendChild(row);
    });
  }

  function noRanking(message) {
    state.ranking = null;
    clear(el("ranking-chart"));
    el("ranking-chart").setAttribute("height", 0);
    el("ranking-status").textContent = message;
  }

  function loadRanking() {
    var bucket = state.bucket;
    fetchJson("api/trending?limit=" + TOP + "&granularity=" + state.granularity + "&bucket=" + bucket)
      .then(function (view) {
        if (bucket !== state.bucket) { return; }
        if (view) { acceptRanking(view); } else { noRanking("No papers in this bucket."); }
      })
      .catch(function () {
        el("ranking-status").textContent = "The pipeline is starting or rebalancing; retrying…";
        setTimeout(function () { if (bucket === state.bucket) { loadRanking(); } }, RETRY_MS);
      });
  }

  // A JSON answer, or null for 404 (nothing there); other failures reject.
  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (response.status === 404) { return null; }
      if (!response.ok) { throw new Error("status " + response.status); }
      return response.json();
    });
  }

  // ---- buckets: which one is shown, moving between them ----------------------------------

  function isoDate(date) { return date.toISOString().slice(0, 10); }

  function parseDate(text) { return new Date(text + "T00:00:00Z"); }

  // The start of the bucket containing an ISO date, as the server computes it (ISO weeks start on Monday).
  function bucketStartOf(text, granularity) {
    var d = parseDate(text);
    if (granularity === "week") { d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7)); }
    else if (granularity === "month") { d.setUTCDate(1); }
    else if (granularity === "year") { d.setUTCMonth(0, 1); }
    return isoDate(d);
  }

  function shiftBucket(start, granularity, steps) {
    var d = parseDate(start);
    if (granularity === "day") { d.setUTCDate(d.getUTCDate() + steps); }
    else if (granularity === "week") { d.setUTCDate(d.getUTCDate() + 7 * steps); }
    else if (granularity === "month") { d.setUTCMonth(d.getUTCMonth() + steps); }
    else { d.setUTCFullYear(d.getUTCFullYear() + steps); }
    return isoDate(d);
  }

  function bucketText(start, granularity) {
    var last = parseDate(shiftBucket(start, granularity, 1));
    last.setUTCDate(last.getUTCDate() - 1);
    return granularity === "day" ? start : start + " – " + isoDate(last);
  }

  function show(bucket) {
    state.bucket = bucket;
    state.previousRanks = {};
    state.seenTags = null;
    el("bucket").textContent = bucketText(bucket, state.granularity);
    el("jump").value = bucket;
    var newer = el("newer");
    if (!newer.hidden && newer.getAttribute("data-bucket") <= bucket) { newer.hidden = true; }
    loadRanking();
    loadPapers();
    loadHistory();
  }

  // Where to open a granularity: going back from its latest bucket, the first with a few papers,
  // else the fullest of those looked at ({bucket, full}); null while nothing is counted.
  function defaultBucket(granularity) {
    return fetchJson("api/trending?limit=1&granularity=" + granularity).then(function (latest) {
      if (!latest) { return null; }
      var candidates = [];
      for (var i = 0; i < LOOK_BACK; i++) { candidates.push(shiftBucket(latest.bucketStart, granularity, -i)); }
      return Promise.all(candidates.map(function (bucket) {
        return fetchJson("api/papers?limit=" + FEW_PAPERS + "&granularity=" + granularity + "&bucket=" + bucket)
          .then(function (view) { return view ? view.papers.length : 0; }, function () { return 0; });
      })).then(function (counts) {
        var chosen = 0;
        for (var j = 0; j < counts.length; j++) {
          if (counts[j] >= FEW_PAPERS) { chosen = j; break; }
          if (counts[j] > counts[chosen]) { chosen = j; }
        }
        return { bucket: candidates[chosen], full: counts[chosen] >= FEW_PAPERS };
      });
    });
  }

  function showDefault() {
    var granularity = state.granularity;
    defaultBucket(granularity)
      .then(function (found) {
        if (granularity !== state.granularity) { return; }
        if (found) { show(found.bucket); return; }
        noRanking("No papers counted yet; waiting for the first ones…");
        setTimeout(showDefault, RETRY_MS);
      })
      .catch(function () {
        el("ranking-status").textContent = "The pipeline is starting or rebalancing; retrying…";
        setTimeout(showDefault, RETRY_MS);
      });
  }

  // A first visit opens the finest granularity whose recent buckets hold a few papers.
  function openFirstVisit(order) {
    if (!order.length) { setGranularity("week"); return; }
    defaultBucket(order[0]).then(function (found) {
      if (found && found.full) { setGranularity(order[0], found.bucket); } else { openFirstVisit(order.slice(1)); }
    }, function () { setGranularity("week"); });
  }

  el("prev").addEventListener("click", function () { show(shiftBucket(state.bucket, state.granularity, -1)); });
  el("next").addEventListener("click", function () { show(shiftBucket(state.bucket, state.granularity, 1)); });
  el("latest").addEventListener("click", function () {
    fetchJson("api/trending?limit=1&granularity=" + state.granularity)
      .then(function (latest) { if (latest) { show(latest.bucketStart); } });
  });
  el("newer").addEventListener("click", function () { show(el("newer").getAttribute("data-bucket")); });
  el("jump").addEventListener("change", function () {
    if (el("jump").value) { show(bucketStartOf(el("jump").value, state.granularity)); }
  });

  // ---- papers ----------------------------------------------------------------------------

  function paperItem(paper) {
    var li = document.createElement("li");
    var rank = document.createElement("span"); rank.className = "rank"; rank.textContent = "#" + paper.rank;
    var title = document.createElement("a"); title.className = "title"; title.textContent = paper.title;
    title.href = paper.url || ("api/papers/" + encodeURIComponent(paper.id));
    title.target = "_blank"; title.rel = "noopener";
    var votes = document.createElement("span"); votes.className = "votes";
    votes.textContent = "▲ " + formatNumber(paper.upvotes);
    var tags = document.createElement("span"); tags.className = "tags";
    tags.textContent = paper.publishedAt.slice(0, 10) + " · " + paper.tags.slice(0, 4).join(", ");
    [rank, title, votes, tags].forEach(function (node) { li.appendChild(node); });
    return li;
  }

  function renderPapers(list, status, view, empty) {
    clear(el(list));
    el(status).textContent = view && view.papers.length ? "" : empty;
    if (view) { view.papers.forEach(function (paper) { el(list).appendChild(paperItem(paper)); }); }
  }

  function loadPapers() {
    var bucket = state.bucket;
    fetchJson("api/papers?limit=" + PAPERS + "&granularity=" + state.granularity + "&bucket=" + bucket)
      .then(function (view) { if (bucket === state.bucket) { renderPapers("papers", "papers-status", view, "No papers in this bucket."); } })
      .catch(function () { el("papers-status").textContent = "Papers unavailable right now."; });
  }

  function loadTagPapers() {
    var tag = state.selected, bucket = state.bucket;
    if (!tag || !bucket) { return; }
    var title = el("tag-papers-title");
    title.hidden = false;
    title.textContent = "Papers tagged “" + tag + "” in " + bucketText(bucket, state.granularity);
    fetchJson("api/papers?limit=" + PAPERS + "&granularity=" + state.granularity + "&bucket=" + bucket
        + "&tag=" + encodeURIComponent(tag))
      .then(function (view) {
        if (tag === state.selected && bucket === state.bucket) {
          renderPapers("tag-papers", "tag-papers-status", view, "No paper with this tag in this bucket.");
        }
      })
      .catch(function () { el("tag-papers-status").textContent = "Papers unavailable right now."; });
  }

  // ---- alerts ----------------------------------------------------------------------------

  function alertKey(alert) { return alert.granularity + "/" + alert.bucketStart + "/" + alert.tag; }

  function renderAlerts(view) {
    var seen = state.alertsSeen || {};
    el("alerts-status").textContent = view.alerts.length ? "" : "No tag has taken off yet.";
    el("alerts-bucket").textContent = bucketText(view.bucketStart, view.granularity);
    var list = el("alerts");
    clear(list);
    view.alerts.forEach(function (alert) {
      var li = document.createElement("li");
      if (!seen[alertKey(alert)]) { li.className = "fresh"; }
      var tag = document.createElement("div"); tag.className = "tag"; tag.textContent = alert.tag;
      var meta = document.createElement("div"); meta.className = "meta";
      meta.textContent = formatNumber(alert.paperCount) + " papers vs. " + alert.baseline.toFixed(1)
        + " usually · score " + alert.score.toFixed(1);
      li.appendChild(tag); li.appendChild(meta);
      li.addEventListener("click", function () { state.selected = alert.tag; show(alert.bucketStart); });
      list.appendChild(li);
    });
  }

  function connectAlerts() {
    if (state.alertSource) { state.alertSource.close(); }
    state.alertsSeen = null;
    clear(el("alerts"));
    el("alerts-bucket").textContent = "";
    el("alerts-status").textContent = "No tag has taken off yet.";
    // what is there when the page opens is not news: alerts raised after that are marked
    var granularity = state.granularity;
    fetchJson("api/alerts?granularity=" + granularity)
      .then(function (view) {
        var seen = {};
        if (view) { view.alerts.forEach(function (a) { seen[alertKey(a)] = true; }); }
        return seen;
      }, function () { return {}; })
      .then(function (seen) {
        if (granularity !== state.granularity) { return; }
        state.alertsSeen = seen;
        var source = new EventSource("api/alerts/stream?granularity=" + granularity);
        source.addEventListener("alerts", function (event) { renderAlerts(JSON.parse(event.data)); });
        state.alertSource = source;
      });
  }

  // ---- live updates ----------------------------------------------------------------------

  function connect() {
    if (state.source) { state.source.close(); }
    var live = el("live");
    live.textContent = "connecting";
    live.classList.remove("on");
    var source = new EventSource("api/trending/stream?granularity=" + state.granularity);
    source.onopen = function () { live.textContent = "live"; live.classList.add("on"); };
    source.onerror = function () { live.textContent = "reconnecting"; live.classList.remove("on"); };
    source.addEventListener("trending", function (event) {
      var view = JSON.parse(event.data);
      if (view.bucketStart === state.bucket) {
        view.tags = view.tags.slice(0, TOP);
        acceptRanking(view);
        loadPapers();
      } else if (state.bucket && view.bucketStart > state.bucket) {
        // a newer bucket: offer it rather than leave the bucket the reader chose
        var newer = el("newer");
        newer.hidden = false;
        newer.setAttribute("data-bucket", view.bucketStart);
        newer.textContent = "newer: " + bucketText(view.bucketStart, view.granularity) + " →";
      }
    });
    state.source = source;
  }

  // ---- selected tag over time ------------------------------------------------------------

  function select(tag) {
    state.selected = tag;
    renderRanking();
    loadHistory();
  }

  function scheduleHistory() {
    // rankings may arrive several times a second under load; one history fetch per second is plenty
    if (state.historyTimer) { return; }
    state.historyTimer = setTimeout(function () { state.historyTimer = null; loadHistory(); }, 300);
  }

  // Buckets without papers are absent from the API; a time series shows them as zero.
  function continuous(history) {
    if (!history.buckets.length) { return []; }
    var byStart = {};
    history.buckets.forEach(function (b) { byStart[b.bucketStart] = b; });
    var series = [];
    var key = history.buckets[0].bucketStart;
    var last = history.buckets[history.buckets.length - 1].bucketStart;
    while (key <= last && series.length < 5000) {
      series.push({ start: key, count: byStart[key] ? byStart[key].paperCount : 0,
                    upvotes: byStart[key] ? byStart[key].upvoteSum : 0 });
      key = shiftBucket(key, history.granularity, 1);
    }
    return series.slice(-HISTORY_BUCKETS);
  }

  function loadHistory() {
    var tag = state.selected;
    if (!tag) { return; }
    loadTagPapers();
    fetch("api/tags/" + encodeURIComponent(tag) + "?granularity=" + state.granularity)
      .then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.json();
      })
      .then(function (history) { if (history.tag === state.selected) { renderHistory(history); } })
      .catch(function () { el("history-status").textContent = "History unavailable right now; retrying…"; });
  }

  function renderHistory(history) {
    el("history-title").textContent = history.tag;
    var kind = history.buckets.length ? history.buckets[history.buckets.length - 1].kind : "";
    var badge = el("history-kind");
    badge.textContent = kind.toLowerCase();
    badge.className = "badge" + (kind === "KEYPHRASE" ? " keyphrase" : "");
    var series = continuous(history);
    var chart = el("history-chart");
    clear(chart);
    el("history-status").textContent = series.length ? "" : "No papers with this tag.";
    var summary = el("history-summary");
    clear(summary);
    if (!series.length) { chart.setAttribute("height", 0); return; }

    var width = Math.max(chart.clientWidth || 420, 240);
    var height = 200, left = 34, bottom = 26, top = 10;
    var plotWidth = width - left - 8, plotHeight = height - top - bottom;
    var max = Math.max(1, Math.max.apply(null, series.map(function (p) { return p.count; })));
    chart.setAttribute("viewBox", "0 0 " + width + " " + height);
    chart.setAttribute("height", height);
    // whole-number gridlines only: counts of papers have no halves
    var ticks = max < 4 ? [0, max] : [0, Math.round(max / 2), max];
    ticks.forEach(function (tick) {
      var y = top + plotHeight * (1 - tick / max);
      chart.appendChild(svgNode("line", { "class": "gridline", x1: left, x2: width - 8, y1: y, y2: y }));
      chart.appendChild(svgNode("text", { "class": "dim", x: left - 6, y: y + 4, "text-anchor": "end" }, String(tick)));
    });
    var step = plotWidth / series.length;
    var barWidth = Math.max(2, Math.min(36, step * 0.7));
    series.forEach(function (point, i) {
      var h = plotHeight * point.count / max;
      var x = left + i * step + (step - barWidth) / 2;
      var bar = svgNode("rect", { "class": "bar", x: x, y: top + plotHeight - h, width: barWidth,
                                  height: Math.max(h, point.count ? 2 : 0), rx: 3 });
      bar.appendChild(svgNode("title", {}, point.start + ": " + point.count + " papers, " + point.upvotes + " upvotes"));
      chart.appendChild(bar);
    });
    chart.appendChild(svgNode("text", { "class": "dim", x: left, y: height - 6 }, series[0].start));
    if (series.length > 1) {
      chart.appendChild(svgNode("text", { "class": "dim", x: width - 8, y: height - 6, "text-anchor": "end" },
        series[series.length - 1].start));
    }

    var total = history.buckets.reduce(function (s, b) { return s + b.paperCount; }, 0);
    var upvotes = history.buckets.reduce(function (s, b) { return s + b.upvoteSum; }, 0);
    var peak = history.buckets.reduce(function (p, b) { return b.paperCount > p.paperCount ? b : p; });
    [["papers", formatNumber(total)], ["upvotes", formatNumber(upvotes)], ["peak bucket", peak.bucketStart]]
      .forEach(function (pair) {
        var box = document.createElement("div");
        var dt = document.createElement("dt"); dt.textContent = pair[0];
        var dd = document.createElement("dd"); dd.textContent = pair[1];
        box.appendChild(dt); box.appendChild(dd); summary.appendChild(box);
      });
  }

  // ---- granularity -----------------------------------------------------------------------

  function setGranularity(granularity, bucket) {
    state.granularity = granularity;
    state.ranking = null;
    state.previousRanks = {};
    state.seenTags = null;
    Array.prototype.forEach.call(document.querySelectorAll("#granularity button"), function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-g") === granularity));
    });
    el("newer").hidden = true;
    connect();
    connectAlerts();
    if (bucket) {
      show(bucket);
    } else if (state.bucket) {
      // keep looking at the same moment in time, in the new bucket size
      show(bucketStartOf(state.bucket, granularity));
    } else {
      showDefault();
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("#granularity button"), function (button) {
    button.addEventListener("click", function () {
      localStorage.setItem("paperpulse.granularity", button.getAttribute("data-g"));
      setGranularity(button.getAttribute("data-g"));
    });
  });

  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { renderRanking(); loadHistory(); }, 150);
  });

  if (state.granularity) { setGranularity(state.granularity); } else { openFirstVisit(["week", "month", "year"]); }
})();
