/* Annals embed loader, for pages that host a timeline:
     <div data-annals-timeline="https://example.org/story/embed/"
          data-annals-options="compact=1&dark=1"><a href="https://example.org/story/">View the timeline</a></div>
     <script src="https://example.org/story/static/embed.js" async></script>
   Each such div gets an <iframe> of the embed page whose height follows its content (the
   page posts {type: "annals:height"} messages), up to max_height (800 px unless the options
   say otherwise; max_height=none lets it grow): beyond that the frame scrolls inside. A
   frame that was hidden when the page loaded (a closed tab, a collapsed panel) is asked for
   its height again once it shows. */
(function () {
  "use strict";
  if (window.AnnalsEmbed) { window.AnnalsEmbed.scan(); return; }

  var frames = [];
  var counter = 0;
  var MIN_HEIGHT = 120;
  var MAX_HEIGHT = 100000;
  var DEFAULT_MAX_HEIGHT = 800;

  function maxHeightOf(options) {
    var match = /(?:^|&)max_height=([^&]*)/.exec(options);
    if (!match) return DEFAULT_MAX_HEIGHT;
    var value = decodeURIComponent(match[1]);
    if (value === "none" || value === "0") return MAX_HEIGHT;
    var number = parseInt(value, 10);
    return number > 0 ? Math.max(MIN_HEIGHT, Math.min(number, MAX_HEIGHT)) : DEFAULT_MAX_HEIGHT;
  }

  function ping(frame) {
    try {
      if (frame.iframe.contentWindow) frame.iframe.contentWindow.postMessage({ type: "annals:ping" }, "*");
    } catch (e) { /* not loaded yet: its load message will come */ }
  }

  function isShown(element) {
    return element.offsetWidth > 0 && element.offsetHeight > 0;
  }

  function watchVisibility(frame) {
    // Ask again whenever the container starts being shown (or changes size).
    var wasShown = isShown(frame.container);
    function check() {
      var shown = isShown(frame.container);
      if (shown && (!wasShown || frame.pending)) ping(frame);
      wasShown = shown;
    }
    if ("ResizeObserver" in window) new ResizeObserver(check).observe(frame.container);
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries) {
        for (var i = 0; i < entries.length; i++) if (entries[i].isIntersecting) ping(frame);
      }).observe(frame.container);
    }
    frame.iframe.addEventListener("load", function () { ping(frame); });
  }

  function setUp(container) {
    if (container.getAttribute("data-annals-ready")) return;
    var url = container.getAttribute("data-annals-timeline");
    if (!url) return;
    container.setAttribute("data-annals-ready", "1");
    var id = "annals-" + (++counter);
    var options = container.getAttribute("data-annals-options") || "";
    options = options.replace(/^[?&]+/, "");
    var src = url + (url.indexOf("?") >= 0 ? "&" : "?") + (options ? options + "&" : "") +
      "frame=" + encodeURIComponent(id);

    var iframe = document.createElement("iframe");
    iframe.src = src;
    iframe.title = container.getAttribute("data-annals-title") || "Timeline";
    iframe.setAttribute("loading", "lazy");
    iframe.setAttribute("height", "400");
    iframe.style.width = "100%";
    iframe.style.border = "0";
    iframe.style.display = "block";

    // The no-JS link stays in the page but steps aside for the frame.
    var links = container.querySelectorAll("a");
    for (var i = 0; i < links.length; i++) links[i].hidden = true;
    container.appendChild(iframe);

    var frame = { id: id, iframe: iframe, container: container, pending: true,
                  maxHeight: maxHeightOf(options) };
    frames.push(frame);
    watchVisibility(frame);
  }

  function scan() {
    var containers = document.querySelectorAll("[data-annals-timeline]");
    for (var i = 0; i < containers.length; i++) setUp(containers[i]);
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "annals:height") return;
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.iframe.contentWindow !== event.source) continue;
      var height = Math.ceil(Number(data.height));
      if (!isFinite(height) || height <= 0) return;
      height = Math.min(Math.max(height, MIN_HEIGHT), frame.maxHeight);
      frame.iframe.style.height = height + "px";
      frame.pending = false;
      return;
    }
  });

  window.AnnalsEmbed = { scan: scan };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
