// paperpulse dashboard: plain JavaScript and SVG, every asset served by the application.
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var TOP = 15;
  var HISTORY_BUCKETS = 24;
  var RETRY_MS = 2000;

  var state = {
    granularity: localStorage.getItem("paperpulse.granularity") || "week",
    ranking: null,
    previousRanks: {},   // tag -> rank in the previous distinct ranking of the same bucket
    seenTags: null,      // tags shown since the page (or granularity) was opened
    selected: null,
    source: null,
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

  function bucketLabel(view) {
    var end = new Date(view.bucketEnd + "T00:00:00Z");
    end.setUTCDate(end.getUTCDate() - 1);
    var last = end.toISOString().slice(0, 10);
    return view.granularity === "day" ? view.bucketStart : view.bucketStart + " – " + last;
  }

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
    el("bucket").textContent = bucketLabel(view);
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

  function loadRanking() {
    fetch("api/trending?limit=" + TOP + "&granularity=" + state.granularity)
      .then(function (response) {
        if (response.status === 404) {
          el("ranking-status").textContent = "No papers counted yet; waiting for the first ones…";
          return null;
        }
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.json();
      })
      .then(function (view) { if (view) { acceptRanking(view); } })
      .catch(function () {
        el("ranking-status").textContent = "The pipeline is starting or rebalancing; retrying…";
        setTimeout(loadRanking, RETRY_MS);
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
      view.tags = view.tags.slice(0, TOP);
      acceptRanking(view);
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

  function nextBucket(date, granularity) {
    var d = new Date(date.getTime());
    if (granularity === "day") { d.setUTCDate(d.getUTCDate() + 1); }
    else if (granularity === "week") { d.setUTCDate(d.getUTCDate() + 7); }
    else if (granularity === "month") { d.setUTCMonth(d.getUTCMonth() + 1); }
    else { d.setUTCFullYear(d.getUTCFullYear() + 1); }
    return d;
  }

  // Buckets without papers are absent from the API; a time series shows them as zero.
  function continuous(history) {
    if (!history.buckets.length) { return []; }
    var byStart = {};
    history.buckets.forEach(function (b) { byStart[b.bucketStart] = b; });
    var series = [];
    var cursor = new Date(history.buckets[0].bucketStart + "T00:00:00Z");
    var last = new Date(history.buckets[history.buckets.length - 1].bucketStart + "T00:00:00Z");
    while (cursor <= last && series.length < 5000) {
      var key = cursor.toISOString().slice(0, 10);
      series.push({ start: key, count: byStart[key] ? byStart[key].paperCount : 0,
                    upvotes: byStart[key] ? byStart[key].upvoteSum : 0 });
      cursor = nextBucket(cursor, history.granularity);
    }
    return series.slice(-HISTORY_BUCKETS);
  }

  function loadHistory() {
    var tag = state.selected;
    if (!tag) { return; }
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

  function setGranularity(granularity) {
    state.granularity = granularity;
    localStorage.setItem("paperpulse.granularity", granularity);
    state.ranking = null;
    state.previousRanks = {};
    state.seenTags = null;
    Array.prototype.forEach.call(document.querySelectorAll("#granularity button"), function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-g") === granularity));
    });
    loadRanking();
    connect();
    loadHistory();
  }

  Array.prototype.forEach.call(document.querySelectorAll("#granularity button"), function (button) {
    button.addEventListener("click", function () { setGranularity(button.getAttribute("data-g")); });
  });

  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { renderRanking(); loadHistory(); }, 150);
  });

  setGranularity(state.granularity);
})();
