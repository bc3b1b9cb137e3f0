// Balloon dashboard: a live table fed by the SSE stream, group means from /api/aggregates,
// a per-criterion breakdown, and a submit form that previews the score first. No build step.
// Served under a Content-Security-Policy without 'unsafe-inline': no inline code or style
// attributes; every text that came from a user is set as text, never parsed as HTML.
(function () {
  "use strict";

  const TYPES = ["MILITARY_STRIKE", "MARITIME_INTERDICTION", "BORDER_INTERDICTION", "CROP_ERADICATION",
    "LEADERSHIP_TARGETING", "EXTRADITION", "TERRORIST_DESIGNATION", "FINANCIAL_SANCTIONS", "ANTI_MONEY_LAUNDERING",
    "SECURITY_ASSISTANCE", "INTELLIGENCE_SHARING", "ALTERNATIVE_DEVELOPMENT", "DEMAND_REDUCTION", "HARM_REDUCTION",
    "INSTITUTIONAL_REFORM", "DIPLOMATIC_AGREEMENT"];
  const AGENCIES = ["DOD", "DEA", "STATE", "TREASURY", "DHS", "DOJ", "USAID", "HHS", "ONDCP", "CIA", "FBI", "OTHER"];
  const THEATERS = ["LAND", "TERRITORIAL_WATERS", "INTERNATIONAL_WATERS", "AIRSPACE", "FINANCIAL", "US_DOMESTIC"];
  const CONSENT = ["NONE", "PARTIAL", "FULL", "NOT_APPLICABLE"];
  const LEGAL_BASES = ["CONGRESSIONAL_AUTHORIZATION", "TREATY", "PARTNER_REQUEST", "EXECUTIVE_ORDER", "ARMED_CONFLICT_CLAIM", "NONE_STATED"];
  const OFFICIAL_TARGETS = ["SERVING_OFFICIAL", "FORMER_OFFICIAL", "NOT_AN_OFFICIAL"];
  const MAX_ROWS = 100;

  const $ = (id) => document.getElementById(id);
  const scores = new Map(); // actionId -> latest score shown in the table
  let selectedId = null;
  let awaitedId = null;     // the action just submitted through the form
  let chart = null;
  let chartTimer = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k === "style") node.style.cssText = v; // CSSOM: allowed by the CSP, unlike a style attribute
      else node.setAttribute(k, v);
    });
    children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  }

  // for the few strings that must be HTML (the chart's tooltip): user text never becomes markup
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  // ---- who is signed in -------------------------------------------------------------------------
  const TOKEN_KEY = "balloon.token";
  const ROLES = ["viewer", "analyst", "admin"];

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  // the token's claims, for display only: the server verifies every request
  function claims() {
    const t = token();
    if (!t) return null;
    try {
      const part = t.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(decodeURIComponent(Array.from(atob(part), (c) => "%" + c.charCodeAt(0).toString(16).padStart(2, "0")).join("")));
    } catch (e) {
      return null;
    }
  }

  // the highest Balloon role in the token (groups, or Keycloak's realm_access.roles)
  function role() {
    const c = claims();
    if (!c) return null;
    const names = [].concat(c.groups || [], (c.realm_access && c.realm_access.roles) || []).map((r) => String(r).toLowerCase());
    return ROLES.slice().reverse().find((r) => names.includes(r)) || null;
  }

  function can(needed) {
    return ROLES.indexOf(role()) >= ROLES.indexOf(needed);
  }

  function withAuth(headers) {
    const t = token();
    return t ? Object.assign({}, headers, { Authorization: "Bearer " + t }) : Object.assign({}, headers);
  }

  function initAccess() {
    const c = claims();
    if (c) {
      $("who").textContent = (c.preferred_username || c.upn || c.sub || "someone") + " · " + (role() || "no Balloon role");
      $("sign-in-button").hidden = true;
      $("sign-out-button").hidden = false;
    }
    $("submit-card").hidden = !can("analyst");
    $("sign-in-button").addEventListener("click", () => {
      $("sign-in").hidden = false;
      $("token-input").focus();
    });
    $("sign-out-button").addEventListener("click", () => {
      sessionStorage.removeItem(TOKEN_KEY);
      location.reload();
    });
    $("sign-in-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const value = $("token-input").value.trim().replace(/^Bearer\s+/i, "");
      if (value.split(".").length !== 3) {
        $("sign-in-error").textContent = "That is not a token: a token has three parts separated by dots.";
        $("sign-in-error").hidden = false;
        return;
      }
      sessionStorage.setItem(TOKEN_KEY, value);
      location.reload();
    });
  }

  // a 401 or 403 from the API: say so once, and offer the sign-in
  function accessRefused(status) {
    const notice = $("access-notice");
    notice.textContent = status === 401
      ? (token() ? "Your token was refused (expired, or not for this Balloon): sign in again." : "Sign in with a token to see the scores.")
      : "Your role does not allow this.";
    notice.hidden = false;
    if (status === 401) $("sign-in").hidden = false;
  }

  function label(value) {
    return value ? value.toLowerCase().replace(/_/g, " ") : "—";
  }

  const BAND_COLORS = { LOW: "#3a9d5d", MODERATE: "#d6a21e", HIGH: "#e0672b", SEVERE: "#c2233a" };
  let bands = null; // the model's band ranges, from /api/model

  // a mean is coloured like a score in the model's band for it; without the model, green to red
  function colorFor(value) {
    const range = (bands || []).find((b) => Math.round(value) >= b.from && Math.round(value) <= b.to);
    return range && BAND_COLORS[range.band] ? BAND_COLORS[range.band] : heat(value);
  }

  function heat(value) {
    return `hsl(${Math.round(120 - 1.2 * Math.max(0, Math.min(100, value)))}, 62%, 42%)`;
  }

  function pill(score) {
    const band = score.band || "";
    return el("span", { class: "pill " + band, style: band ? "" : "background:" + heat(score.overall),
      title: band ? label(band) + " risk of failure" : "", text: score.overall });
  }

  async function getJson(url, options) {
    const opts = Object.assign({}, options || {});
    opts.headers = withAuth(opts.headers);
    const response = await fetch(url, opts);
    const type = response.headers.get("Content-Type") || "";
    const body = type.includes("json") ? await response.json() : null;
    if (response.status === 401 || response.status === 403) accessRefused(response.status);
    return { ok: response.ok, status: response.status, body };
  }

  // ---- live table ---------------------------------------------------------------------------
  function addScore(score, fresh) {
    const id = score.actionId;
    const tbody = $("scores-table").tBodies[0];
    const old = tbody.querySelector(`tr[data-action-id="${CSS.escape(id)}"]`);
    if (old) old.remove();
    scores.set(id, score);
    const action = score.action || {};
    const when = score.scoredAt ? new Date(score.scoredAt).toLocaleTimeString() : "";
    const row = el("tr", { "data-action-id": id, class: fresh ? "fresh" : "" },
      el("td", { text: when }),
      el("td", { text: action.title || id }),
      el("td", { text: action.targetCountry || "" }),
      el("td", { text: label(action.type) }),
      el("td", { class: "num" }, pill(score)));
    if (id === selectedId) row.classList.add("selected");
    row.addEventListener("click", () => select(id));
    tbody.prepend(row);
    while (tbody.rows.length > MAX_ROWS) tbody.deleteRow(tbody.rows.length - 1);
    $("scores-empty").hidden = true;
    if (id === awaitedId) {
      awaitedId = null;
      $("submit-result").textContent = "Scored: " + score.overall + " (" + label(score.band) + "). Shown in the table.";
      select(id);
    } else if (id === selectedId) {
      showDetail(score, "Latest score");
    }
  }

  function select(id) {
    selectedId = id;
    document.querySelectorAll("#scores-table tr.selected").forEach((r) => r.classList.remove("selected"));
    const row = document.querySelector(`#scores-table tr[data-action-id="${CSS.escape(id)}"]`);
    if (row) row.classList.add("selected");
    const score = scores.get(id);
    if (score) {
      showDetail(score, "Score");
      showTrace(score);
    }
  }

  // the trace the action's request started (X-Trace-Id of the stored score): look it up in the
  // tracing backend (Jaeger, Tempo, ...) to follow the action through every service
  async function showTrace(score) {
    const url = "/api/scores/" + encodeURIComponent(score.actionId) + "?modelVersion=" + encodeURIComponent(score.modelVersion || "");
    const response = await fetch(url, { headers: withAuth({}), cache: "no-store" });
    const traceId = response.ok ? response.headers.get("X-Trace-Id") : null;
    if (!traceId || selectedId !== score.actionId || !$("detail").querySelector(".detail-head")) return;
    $("detail").querySelector(".detail-head").append(
      el("span", { class: "hint trace", title: "trace id: find it in your tracing backend (see README, Tracing)", text: "trace " + traceId }));
  }

  async function loadRecent() {
    const r = await getJson("/api/scores?limit=25");
    if (!r.ok) return null;
    r.body.items.slice().reverse().forEach((item) => addScore(item.score, false));
    return r.body.lastEventId || null;
  }

  // Server-Sent Events over fetch (EventSource cannot send the Authorization header). Reconnects
  // with Last-Event-ID after the last event seen, so nothing is missed, after the delay the
  // stream's `retry:` field asked for (as EventSource would).
  let reconnectDelay = 1000;
  async function openStream(lastEventId) {
    const status = $("stream-status");
    let last = lastEventId;
    for (;;) {
      try {
        const headers = withAuth({ Accept: "text/event-stream" });
        if (last) headers["Last-Event-ID"] = last;
        const response = await fetch("/api/stream/scores", { headers, cache: "no-store" });
        if (response.status === 401 || response.status === 403) {
          status.textContent = "not signed in";
          accessRefused(response.status);
          return;
        }
        if (!response.ok || !response.body) throw new Error("stream answered " + response.status);
        status.textContent = "live";
        status.className = "badge on";
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer = (buffer + value).replace(/\r\n?/g, "\n");
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const id = handleEvent(buffer.slice(0, end));
            if (id) last = id;
            buffer = buffer.slice(end + 2);
          }
        }
      } catch (e) {
        // dropped connection: try again below
      }
      status.textContent = "reconnecting…";
      status.className = "badge off";
      await new Promise((resolve) => setTimeout(resolve, reconnectDelay));
    }
  }

  // one SSE event (its lines); returns its id, if it had one
  function handleEvent(frame) {
    let id = null;
    let name = "message";
    const data = [];
    frame.split("\n").forEach((line) => {
      if (line.startsWith(":")) return;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "id") id = value; else if (field === "event") name = value; else if (field === "data") data.push(value);
      else if (field === "retry" && /^[0-9]+$/.test(value)) reconnectDelay = Number(value);
    });
    if (name === "score" && data.length) {
      const score = JSON.parse(data.join("\n"));
      addScore(score, true);
      scheduleChart();
      scheduleTimeline(score);
    } else if (name === "disconnect" && data.length) {
      $("stream-status").textContent = "disconnected: " + JSON.parse(data.join("\n")).reason;
      $("stream-status").className = "badge off";
    }
    return id;
  }

  // ---- chart ----------------------------------------------------------------------------------
  function scheduleChart() {
    clearTimeout(chartTimer);
    chartTimer = setTimeout(loadChart, 800);
  }

  async function loadChart() {
    const groupBy = $("group-by").value;
    $("group-label").textContent = $("group-by").selectedOptions[0].textContent;
    const r = await getJson("/api/aggregates?groupBy=" + encodeURIComponent(groupBy));
    if (!r.ok) return;
    const groups = r.body.groups.slice(0, 30).sort((a, b) => b.meanOverall - a.meanOverall);
    $("chart-empty").hidden = groups.length > 0;
    if (r.body.modelVersion) $("model-version").textContent = "model " + r.body.modelVersion;
    if (!window.echarts) return;
    if (!chart) chart = window.echarts.init($("chart"));
    chart.setOption({
      grid: { left: 48, right: 12, top: 34, bottom: groupBy === "country" || groupBy === "month" ? 32 : 110 },
      tooltip: {
        trigger: "axis", axisPointer: { type: "shadow" },
        formatter: (items) => {
          const g = groups[items[0].dataIndex];
          // HTML tooltip: the group key is user text (an organisation's name), so it is escaped
          return `${escapeHtml(label(g.key))}<br>mean score ${g.meanOverall.toFixed(1)}<br>${g.count} action${g.count === 1 ? "" : "s"}`;
        }
      },
      xAxis: {
        type: "category", data: groups.map((g) => groupBy === "country" || groupBy === "month" ? g.key : label(g.key)),
        axisLabel: { rotate: groupBy === "country" || groupBy === "month" ? 0 : 40, interval: 0 }
      },
      yAxis: { type: "value", min: 0, max: 100, name: "mean score" },
      series: [{
        type: "bar",
        data: groups.map((g) => ({ value: g.meanOverall, itemStyle: { color: colorFor(g.meanOverall) } })),
        label: { show: groups.length <= 12, position: "top", formatter: (p) => "n=" + groups[p.dataIndex].count }
      }]
    }, true);
  }

  // ---- timeline (issue 14) ------------------------------------------------------------------
  // One country's or organisation's actions in time from /api/timeline: a scatter chart and, beside it,
  // the same actions as a list of buttons (keyboard and screen readers); selecting one shows its
  // history factors and the earlier actions its score cites, each of which can be selected in turn.
  let timelineChart = null;
  let timeline = null;         // the last answer of /api/timeline on screen
  let timelineSelected = null; // action id
  let timelineRequest = 0;     // only the latest request's answer is drawn
  let timelineTimer = null;

  function timelineQuery() {
    const country = $("timeline-country").value;
    const org = $("timeline-organization").value;
    if (country) return "country=" + encodeURIComponent(country);
    if (org) return "organization=" + encodeURIComponent(org);
    return null;
  }

  // the countries and organisations present, largest first, from the aggregates
  async function loadTimelineChoices() {
    const [countries, orgs] = await Promise.all([
      getJson("/api/aggregates?groupBy=country"), getJson("/api/aggregates?groupBy=organization")]);
    if (!countries.ok || !orgs.ok) return;
    fillChoices("timeline-country", countries.body.groups);
    fillChoices("timeline-organization", orgs.body.groups);
    if (!timelineQuery() && countries.body.groups.length) {
      $("timeline-country").value = countries.body.groups[0].key;
      loadTimeline();
    }
  }

  function fillChoices(id, groups) {
    const select = $(id);
    const chosen = select.value;
    select.replaceChildren(el("option", { value: "", text: "—" }),
      ...groups.map((g) => el("option", { value: g.key, text: `${g.key} (${g.count})` })));
    if (chosen) {
      if (!groups.some((g) => g.key === chosen)) select.append(el("option", { value: chosen, text: chosen }));
      select.value = chosen;
    }
  }

  async function loadTimeline(selectId) {
    const query = timelineQuery();
    const request = ++timelineRequest;
    if (!query) {
      timeline = null;
      drawTimeline();
      return;
    }
    const r = await getJson("/api/timeline?" + query);
    if (request !== timelineRequest) return;
    if (!r.ok) {
      const p = r.body || {};
      $("timeline-note").textContent = (p.title || "The timeline failed (" + r.status + ")") + (p.detail ? " — " + p.detail : "");
      $("timeline-note").hidden = false;
      return;
    }
    timeline = r.body;
    if (selectId !== undefined) timelineSelected = selectId;
    if (!timeline.items.some((i) => i.actionId === timelineSelected)) timelineSelected = null;
    drawTimeline();
  }

  function drawTimeline() {
    const items = timeline ? timeline.items : [];
    const note = $("timeline-note");
    note.hidden = !timeline || (items.length > 0 && !timeline.truncated);
    note.textContent = !timeline ? "" : items.length === 0 ? "No scored actions here."
      : "The latest " + items.length + " actions; earlier ones are left out.";
    $("timeline-list").replaceChildren(...items.map((i) => el("li", {},
      entry(i, i.targetCountry, () => selectTimeline(i.actionId)))));
    if (window.echarts) {
      if (!timelineChart) {
        timelineChart = window.echarts.init($("timeline-chart"));
        timelineChart.on("click", (p) => p.data && selectTimeline(p.data.actionId));
      }
      const cited = new Set(citedIds(selectedItem()));
      timelineChart.setOption({
        grid: { left: 48, right: 16, top: 24, bottom: 64 },
        // decades of record, the recent years dense: zoom with the wheel or the slider
        dataZoom: [{ type: "inside" }, { type: "slider", height: 18, bottom: 8 }],
        tooltip: {
          trigger: "item",
          // HTML tooltip: the title is user text, so it is escaped
          formatter: (p) => `${escapeHtml(p.data.occurredOn)}<br>${escapeHtml(p.data.title)}<br>score ${p.data.value[1]} (${escapeHtml(label(p.data.band))})`
        },
        xAxis: { type: "time", name: "occurred on" },
        yAxis: { type: "value", min: 0, max: 100, name: "score" },
        series: [{
          type: "line",
          symbol: "circle",
          showSymbol: true,
          lineStyle: { color: "#c9ced6", width: 1 },
          data: items.map((i) => {
            const selected = i.actionId === timelineSelected;
            return {
              value: [i.occurredOn, i.overall], actionId: i.actionId, title: i.title, occurredOn: i.occurredOn, band: i.band,
              symbolSize: selected ? 18 : cited.has(i.actionId) ? 13 : 9,
              itemStyle: { color: BAND_COLORS[i.band] || heat(i.overall), borderColor: selected || cited.has(i.actionId) ? "#18202c" : "#fff",
                borderWidth: selected ? 3 : cited.has(i.actionId) ? 2 : 1 }
            };
          })
        }]
      }, true);
    }
    showTimelineDetail();
  }

  // one action as a button: its date, title, country and score
  function entry(action, country, onSelect) {
    const button = el("button", { type: "button", class: "entry" + (action.actionId === timelineSelected ? " selected" : ""),
      "data-action-id": action.actionId },
      el("span", { class: "when", text: action.occurredOn || "" }),
      el("span", { class: "what", text: action.title || action.actionId }),
      el("span", { class: "where", text: country || "" }),
      pill(action));
    if (action.actionId === timelineSelected) button.setAttribute("aria-current", "true");
    button.addEventListener("click", onSelect);
    return button;
  }

  function selectedItem() {
    return timeline && timeline.items.find((i) => i.actionId === timelineSelected);
  }

  // the ids the history factors of an item cite, nearest first, each once
  function citedIds(item) {
    if (!item) return [];
    const ids = [];
    item.historyFactors.forEach((f) => f.cites.forEach((id) => { if (!ids.includes(id)) ids.push(id); }));
    return ids;
  }

  function selectTimeline(id) {
    timelineSelected = id;
    drawTimeline();
  }

  // a cited action of another thread: open its country's timeline with it selected
  function selectCited(cited) {
    if (timeline.items.some((i) => i.actionId === cited.actionId)) {
      selectTimeline(cited.actionId);
      return;
    }
    $("timeline-organization").value = "";
    if (![...$("timeline-country").options].some((o) => o.value === cited.targetCountry)) {
      $("timeline-country").append(el("option", { value: cited.targetCountry, text: cited.targetCountry }));
    }
    $("timeline-country").value = cited.targetCountry;
    loadTimeline(cited.actionId);
  }

  function showTimelineDetail() {
    const box = $("timeline-detail");
    const item = selectedItem();
    if (!item) {
      box.replaceChildren(el("p", { class: "empty", text: timeline && timeline.items.length
        ? "Select an action to see the earlier actions its score cites." : "Choose a country or an organisation." }));
      return;
    }
    const factors = item.historyFactors.map((f) => el("li", {},
      el("span", { class: "rule", text: f.rule }), ` +${f.points} ${label(f.criterion)} — ${f.evidence || ""}`));
    const cited = citedIds(item).map((id) => timeline.cited[id]).filter(Boolean)
      .sort((a, b) => String(b.occurredOn).localeCompare(String(a.occurredOn)));
    box.replaceChildren(
      el("div", { class: "detail-head" },
        el("span", { class: "big" }, pill(item)),
        el("strong", { text: item.title || item.actionId }),
        el("span", { class: "hint", text: [item.occurredOn, item.targetCountry, label(item.type), "model " + item.modelVersion]
          .filter(Boolean).join(" · ") })),
      el("div", { class: "timeline-detail-body" },
        el("div", {},
          el("h3", { text: "History factors" }),
          factors.length ? el("ul", { class: "history-factors" }, factors)
            : el("p", { class: "rationale", text: "None: this score reads the action alone." })),
        el("div", {},
          el("h3", { text: "Earlier actions its score cites" }),
          cited.length ? el("ol", { class: "cited-list" }, cited.map((c) => el("li", {}, entry(c, c.targetCountry, () => selectCited(c)))))
            : el("p", { class: "rationale", text: "None." }))));
  }

  // a new score of the thread on screen: draw the thread again (a later score may have changed too)
  function scheduleTimeline(score) {
    const action = score.action || {};
    const country = $("timeline-country").value;
    const org = $("timeline-organization").value;
    if ((country && action.targetCountry === country) || (org && (action.targetOrganizations || []).includes(org))) {
      clearTimeout(timelineTimer);
      timelineTimer = setTimeout(() => loadTimeline(), 800);
    }
  }

  function initTimeline() {
    $("timeline-country").addEventListener("change", () => {
      if ($("timeline-country").value) $("timeline-organization").value = "";
      loadTimeline(null);
    });
    $("timeline-organization").addEventListener("change", () => {
      if ($("timeline-organization").value) $("timeline-country").value = "";
      loadTimeline(null);
    });
    window.addEventListener("resize", () => timelineChart && timelineChart.resize());
  }

  // ---- CSV downloads -------------------------------------------------------------------------
  // fetched with the token (a plain link cannot send the Authorization header), then handed to
  // the browser as a file through a blob URL
  async function download(url, button) {
    button.disabled = true;
    $("download-error").hidden = true;
    try {
      const response = await fetch(url, { headers: withAuth({ Accept: "text/csv" }), cache: "no-store" });
      if (!response.ok) {
        if (response.status === 401 || response.status === 403) accessRefused(response.status);
        else {
          $("download-error").textContent = "The download failed (HTTP " + response.status + ").";
          $("download-error").hidden = false;
        }
        return;
      }
      const disposition = response.headers.get("Content-Disposition") || "";
      const name = (disposition.match(/filename="([^"]+)"/) || [])[1] || "balloon.csv";
      const link = el("a", { href: URL.createObjectURL(await response.blob()), download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } finally {
      button.disabled = false;
    }
  }

  function initDownloads() {
    $("scores-csv").addEventListener("click", (e) => download("/api/scores?format=csv", e.currentTarget));
    $("aggregates-csv").addEventListener("click", (e) =>
      download("/api/aggregates?format=csv&groupBy=" + encodeURIComponent($("group-by").value), e.currentTarget));
  }

  // ---- breakdown ------------------------------------------------------------------------------
  function showDetail(score, heading) {
    const action = score.action || {};
    const head = el("div", { class: "detail-head" },
      el("span", { class: "big" }, pill(score)),
      el("strong", { text: action.title || score.actionId || "Preview" }),
      el("span", { class: "hint", text: [heading, action.targetCountry, label(action.type), "model " + score.modelVersion]
        .filter(Boolean).join(" · ") }));
    const criteria = (score.criteria || []).slice().sort((a, b) => b.score - a.score).map((c) => {
      const factors = (c.factors || []).map((f) => el("li", {},
        el("span", { class: "rule", text: f.rule }), ` +${f.points} — ${f.evidence || ""}`));
      return el("div", { class: "criterion", "data-criterion": c.criterion },
        el("div", { class: "row" },
          el("span", { class: "name", text: label(c.criterion) }),
          el("span", { class: "bar" }, el("span", { style: `width:${Math.max(0, Math.min(100, c.score))}%` })),
          el("span", { class: "value", text: c.score })),
        c.rationale ? el("p", { class: "rationale", text: c.rationale }) : "",
        factors.length ? el("ul", {}, factors) : el("p", { class: "rationale", text: "no rule fired" }));
    });
    $("detail").replaceChildren(head, ...criteria);
    // any action shown can be scored under the previous model too
    shownAction = score.action && score.action.title ? score.action : null;
    $("compare").hidden = true;
    $("compare-bar").hidden = !shownAction;
  }

  // ---- old versus new model -------------------------------------------------------------------
  let shownAction = null; // the action whose breakdown is on screen

  async function compare() {
    if (!shownAction) return;
    const box = $("compare");
    const r = await getJson("/api/score-compare", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(shownAction) });
    if (!r.ok) {
      const p = r.body || {};
      box.replaceChildren(el("p", { class: "problems", text: (p.title || "Comparison failed (" + r.status + ")")
        + (p.detail ? " — " + p.detail : "") }));
      box.hidden = false;
      return;
    }
    const c = r.body;
    const signed = (n) => (n > 0 ? "+" : "") + n;
    const rows = c.criteria.map((x) => el("tr", { class: x.change ? "changed" : "", "data-criterion": x.criterion },
      el("td", { text: label(x.criterion) }),
      el("td", { class: "num", text: x.previous }),
      el("td", { class: "num", text: x.current }),
      el("td", { class: "num", text: x.change ? signed(x.change) : "" }),
      el("td", {}, ...x.rulesAdded.map((id) => el("span", { class: "rule added", title: ruleTitle(id), text: "+" + id })),
        ...x.rulesRemoved.map((id) => el("span", { class: "rule removed", title: ruleTitle(id), text: "−" + id })))));
    box.replaceChildren(
      el("h3", { text: "Previous and active model, side by side" }),
      el("table", { class: "compare" },
        el("thead", {}, el("tr", {},
          el("th", { text: "" }),
          el("th", { class: "num", text: c.previousModelVersion }),
          el("th", { class: "num", text: c.currentModelVersion }),
          el("th", { class: "num", text: "change" }),
          el("th", { text: "rules" }))),
        el("tbody", {}, el("tr", { class: "overall" },
          el("td", { text: "overall" }),
          el("td", { class: "num" }, pill(c.previous)),
          el("td", { class: "num" }, pill(c.current)),
          el("td", { class: "num", text: c.overallChange ? signed(c.overallChange) : "" }),
          el("td", { text: "" })), ...rows)),
      el("p", { class: "hint", text: "Scored now under both models; the stored score is not changed. Hover a rule for its source." }));
    box.hidden = false;
  }

  let rulesById = {}; // rule id -> "rationale (studies)" from /api/model, for the comparison's tooltips

  function ruleTitle(id) {
    return rulesById[id] || id;
  }

  // ---- form -----------------------------------------------------------------------------------
  function fillSelect(id, values, optional) {
    const select = $(id);
    if (optional) select.append(el("option", { value: "", text: "—" }));
    values.forEach((v) => select.append(el("option", { value: v, text: label(v) })));
  }

  function formAction() {
    const f = $("action-form").elements;
    const action = {
      title: f.title.value.trim(),
      type: f.type.value,
      targetCountry: f.targetCountry.value.trim().toUpperCase(),
      occurredOn: f.occurredOn.value
    };
    if (f.stage.value) action.stage = f.stage.value;
    if (f.leadAgency.value) action.leadAgency = f.leadAgency.value;
    if (f.theater.value) action.theater = f.theater.value;
    if (f.partnerConsent.value) action.partnerConsent = f.partnerConsent.value;
    if (f.demandSideShare.value !== "") action.demandSideShare = Number(f.demandSideShare.value);
    if (f.legalBasis.value) action.legalBasis = f.legalBasis.value;
    if (f.durationMonths.value !== "") action.durationMonths = Number(f.durationMonths.value);
    if (f.partnerOfficialTarget.value) action.partnerOfficialTarget = f.partnerOfficialTarget.value;
    if (f.partnerInformedBeforehand.value) action.partnerInformedBeforehand = f.partnerInformedBeforehand.value === "true";
    const orgs = f.targetOrganizations.value.split(",").map((s) => s.trim()).filter(Boolean);
    if (orgs.length) action.targetOrganizations = orgs;
    if (f.lethalForce.checked) action.lethalForce = true;
    if (f.alternativeLivelihoods.checked) action.alternativeLivelihoods = true;
    return action;
  }

  function showProblem(problem, status) {
    const box = $("form-errors");
    document.querySelectorAll("#action-form .invalid").forEach((n) => n.classList.remove("invalid"));
    const p = problem || { title: "Request failed (" + status + ")" };
    const items = (p.errors || []).map((e) => {
      const input = $("action-form").elements[e.field];
      if (input && input.classList) input.classList.add("invalid");
      return el("li", {}, el("strong", { text: e.field }), ": " + e.message);
    });
    box.replaceChildren(el("strong", { text: p.title || "Problem" }), p.detail ? " — " + p.detail : "",
      items.length ? el("ul", {}, items) : "");
    box.hidden = false;
  }

  let previewed = null; // the JSON of the action whose preview is on screen

  async function preview() {
    $("form-errors").hidden = true;
    $("submit-result").textContent = "";
    const body = JSON.stringify(formAction());
    const r = await getJson("/api/score-preview", { method: "POST", headers: { "Content-Type": "application/json" }, body });
    if (!r.ok) {
      showProblem(r.body, r.status);
      $("preview").hidden = true;
      previewed = null;
      $("submit-button").disabled = true;
      return;
    }
    previewed = body;
    $("preview").replaceChildren(el("p", {}, "Preview: this action would score ", pill(r.body),
      ` (${label(r.body.band)}). Its breakdown is shown under “Why this score”. Submit to store it.`));
    $("preview").hidden = false;
    showDetail(Object.assign({ action: formAction() }, r.body), "Preview, not stored");
    $("submit-button").disabled = false;
    $("submit-button").title = "";
  }

  async function submit(event) {
    event.preventDefault();
    const body = JSON.stringify(formAction());
    if (body !== previewed) {
      $("submit-button").disabled = true;
      return;
    }
    $("submit-button").disabled = true;
    const r = await getJson("/api/actions", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) },
      body
    });
    if (!r.ok) {
      showProblem(r.body, r.status);
      return;
    }
    awaitedId = r.body.id;
    $("submit-result").textContent = "Accepted as " + r.body.id + " — waiting for its score…";
    $("preview").hidden = true;
    previewed = null;
    if (scores.has(awaitedId)) addScore(scores.get(awaitedId), true);
  }

  function initForm() {
    fillSelect("f-type", TYPES, false);
    fillSelect("f-agency", AGENCIES, true);
    fillSelect("f-theater", THEATERS, true);
    fillSelect("f-consent", CONSENT, true);
    fillSelect("f-legal", LEGAL_BASES, true);
    fillSelect("f-official", OFFICIAL_TARGETS, true);
    $("compare-button").addEventListener("click", compare);
    $("f-occurred").value = new Date().toISOString().slice(0, 10);
    $("preview-button").addEventListener("click", preview);
    $("action-form").addEventListener("submit", submit);
    // any change makes the preview stale: preview again before submitting
    $("action-form").addEventListener("input", () => {
      if (previewed !== null && JSON.stringify(formAction()) !== previewed) {
        $("submit-button").disabled = true;
        $("submit-button").title = "preview the changed action first";
      }
    });
  }

  async function loadModel() {
    const r = await getJson("/api/model");
    if (r.ok && r.body && r.body.modelVersion) $("model-version").textContent = "model " + r.body.modelVersion;
    if (r.ok && r.body && Array.isArray(r.body.criteria)) {
      const works = {};
      (r.body.citations || []).forEach((w) => { works[w.key] = w.authors + " (" + w.year + ")"; });
      r.body.criteria.forEach((c) => (c.rules || []).forEach((rule) => {
        const studies = (rule.studies || []).map((k) => works[k] || k);
        rulesById[rule.id] = rule.rationale + (studies.length ? " — " + studies.join("; ") : "");
      }));
    }
    if (r.ok && r.body && Array.isArray(r.body.bands)) {
      bands = r.body.bands;
      loadChart();
    }
  }

  async function start() {
    initAccess();
    initForm();
    initDownloads();
    initTimeline();
    $("group-by").addEventListener("change", loadChart);
    window.addEventListener("resize", () => chart && chart.resize());
    const lastEventId = await loadRecent();
    openStream(lastEventId);
    loadChart();
    loadModel();
    loadTimelineChoices();
  }

  start();
})();
