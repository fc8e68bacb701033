/* Annals embed pages (embed/...): options from the query string and auto-height.
   Loaded in <head> without defer so the compact/dark classes apply before first paint.
     ?compact=1  dates and headlines only
     ?dark=1  dark colours; ?dark=auto  the reader's system setting; else light
     ?window=story  (the default) only the story window's events, when the site has one;
       ?window=all  every event
     ?from=2025-01-01&to=2025-07-31  only events overlapping those dates (instead of the window)
     ?latest=20  only the 20 most recent of the events left
     ?actor=<slug>  only that actor's events   ?frame=<id>  echoed back in height messages
     ?max_height=800  read by embed.js on the host page (the frame's limit), not here
   On a timeline split by year the options apply within the page shown, and links to the
   other year pages keep them.
   The page tells its parent its height: {type: "annals:height", height, id} on load, on
   every size change, and in reply to {type: "annals:ping"} (e.g. when a hidden tab opens). */
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var root = document.documentElement;
  if (params.get("compact") === "1") root.classList.add("compact");
  // The host page chose the colours: light unless it asks for dark or for the reader's own.
  var dark = params.get("dark");
  if (dark === "1") root.classList.add("dark");
  else if (dark !== "auto") root.classList.add("light");
  var frameId = params.get("frame");
  var embedded = window.parent && window.parent !== window;
  var lastHeight = -1;

  // Partial dates widen to the whole year or month: "2025" -> 2025-01-01 .. 2025-12-31.
  function lowerBound(value) {
    if (!value) return "";
    return value.length === 4 ? value + "-01-01" : value.length === 7 ? value + "-01" : value;
  }
  function upperBound(value) {
    if (!value) return "";
    return value.length === 4 ? value + "-12-31" : value.length === 7 ? value + "-31" : value;
  }

  function contentHeight() {
    // The body's own box, not the viewport: the frame must be able to shrink too.
    var body = document.body;
    if (!body) return 0;
    var style = window.getComputedStyle(body);
    return Math.ceil(body.getBoundingClientRect().height +
      parseFloat(style.marginTop || "0") + parseFloat(style.marginBottom || "0"));
  }

  function postHeight(force) {
    if (!embedded) return;
    var height = contentHeight();
    if (!height || (!force && height === lastHeight)) return;
    lastHeight = height;
    window.parent.postMessage({ type: "annals:height", height: height, id: frameId }, "*");
  }

  // A timeline split by year: links between its year pages stay in the frame (they carry
  // target="_self") and keep this page's options, so ?compact=1&dark=1 survive a click.
  function keepQuery() {
    if (!window.location.search) return;
    var links = document.querySelectorAll("a[data-annals-keep-query]");
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].getAttribute("href"), window.location.href);
      url.search = window.location.search;
      links[i].setAttribute("href", url.toString());
    }
  }

  // Years of the year index that lie wholly outside ?from/?to have nothing to show.
  function filterYears(from, to) {
    var years = document.querySelectorAll(".year-index li[data-start]");
    for (var i = 0; i < years.length; i++) {
      var start = years[i].getAttribute("data-start");
      var end = years[i].getAttribute("data-end") || start;
      years[i].hidden = !((!from || end >= from) && (!to || start <= to));
    }
  }

  function applyFilters() {
    var from = lowerBound(params.get("from"));
    var to = upperBound(params.get("to"));
    var main = document.getElementById("main");
    // The story window bounds the embed unless the address gives dates or window=all. As on
    // the site's own pages (chronology.story), an event is the story's unless it starts
    // before the window; what starts before is background, left out here.
    var storyFrom = "";
    if (!from && !to && params.get("window") !== "all" && main && main.getAttribute("data-story-from")) {
      storyFrom = main.getAttribute("data-story-from");
    }
    var actor = params.get("actor");
    var latest = parseInt(params.get("latest") || "", 10);
    if (!(latest > 0)) latest = 0;
    if (!from && !to && !storyFrom && !actor && !latest) return;
    filterYears(from || storyFrom, to);
    var items = document.querySelectorAll("li.event");
    var kept = [];
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      var start = item.getAttribute("data-start") || "";
      var end = item.getAttribute("data-end") || start;
      var actors = (item.getAttribute("data-actors") || "").split(" ");
      var show = (!actor || actors.indexOf(actor) >= 0) &&
        (!from || !end || end >= from) && (!to || !start || start <= to) &&
        (!storyFrom || !start || start >= storyFrom);
      item.hidden = !show;
      if (show) kept.push(item);
    }
    // latest=N: the last N of what is left (the list runs oldest first).
    if (latest && kept.length > latest) {
      for (var k = 0; k < kept.length - latest; k++) kept[k].hidden = true;
      kept = kept.slice(kept.length - latest);
    }
    var shown = kept.length;
    var sections = document.querySelectorAll("section.month, section.year, section.background");
    for (var j = 0; j < sections.length; j++) {
      sections[j].hidden = !sections[j].querySelector("li.event:not([hidden])");
    }
    var status = document.getElementById("filter-count");
    if (status) {
      status.textContent = (status.getAttribute("data-showing") || "{shown} / {total}")
        .replace("{shown}", shown).replace("{total}", items.length);
    }
    postHeight(false);
  }

  function start() {
    keepQuery();
    applyFilters();
    postHeight(true);
    if ("ResizeObserver" in window) {
      new ResizeObserver(function () { postHeight(false); }).observe(document.body);
    } else {
      window.addEventListener("resize", function () { postHeight(false); });
    }
    // Details opening and closing change the height too (covered by ResizeObserver,
    // but older browsers need the nudge).
    document.addEventListener("toggle", function () { postHeight(false); }, true);
  }

  window.addEventListener("message", function (event) {
    if (event.source === window.parent && event.data && event.data.type === "annals:ping") {
      postHeight(true);
    }
  });
  window.addEventListener("load", function () { postHeight(true); });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
