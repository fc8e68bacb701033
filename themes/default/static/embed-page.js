/* Annals embed pages (embed/...): options from the query string and auto-height.
   Loaded in <head> without defer so the compact/dark classes apply before first paint.
     ?compact=1  dates and headlines only      ?dark=1  dark colours
     ?from=2025-01-01&to=2025-07-31  only events overlapping those dates
     ?actor=<slug>  only that actor's events   ?frame=<id>  echoed back in height messages
   On a timeline split by year the options apply within the page shown, and links to the
   other year pages keep them.
   The page tells its parent its height: {type: "annals:height", height, id} on load, on
   every size change, and in reply to {type: "annals:ping"} (e.g. when a hidden tab opens). */
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var root = document.documentElement;
  if (params.get("compact") === "1") root.classList.add("compact");
  if (params.get("dark") === "1") root.classList.add("dark");
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
    var actor = params.get("actor");
    if (!from && !to && !actor) return;
    filterYears(from, to);
    var items = document.querySelectorAll("li.event");
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      var start = item.getAttribute("data-start") || "";
      var end = item.getAttribute("data-end") || start;
      var actors = (item.getAttribute("data-actors") || "").split(" ");
      var show = (!actor || actors.indexOf(actor) >= 0) &&
        (!from || !end || end >= from) && (!to || !start || start <= to);
      item.hidden = !show;
      if (show) shown++;
    }
    var sections = document.querySelectorAll("section.month, section.year");
    for (var j = 0; j < sections.length; j++) {
      sections[j].hidden = !sections[j].querySelector("li.event:not([hidden])");
    }
    var status = document.getElementById("filter-count");
    if (status) status.textContent = "Showing " + shown + " of " + items.length + " events.";
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
