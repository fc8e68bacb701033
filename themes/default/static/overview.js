/* The visual overview (generator/render/overview.py draws it): zoom and pan with the
   buttons, a pinch or Ctrl+wheel, a drag or a sideways swipe, and the keyboard; each bar is
   a link that moves the list to its period. Without this file the SVG is a still picture
   of the first view whose bars are links.

   Keys, with the overview focused: Left/Right move between bars (and key date marks),
   PageUp/PageDown ten at a time, Home/End to the first and last, + and - zoom around the
   chosen bar, 0 shows everything, Enter moves the list there.

   The SVG has no text, so a zoom or pan changes one attribute (its viewBox): the cost does
   not grow with the number of events. */
(function () {
  "use strict";
  var DAY = 86400000;
  var MIN_DAYS = 21;

  // Month words in the page's language, as the server wrote them (data-words: CLDR's
  // abbreviated names and "{d} Jul" / "Jul {y}" patterns per month); a theme without
  // them gets the browser's own names for the page's language.
  function monthWords(section) {
    try {
      var words = JSON.parse(section.getAttribute("data-words") || "");
      if (words.months && words.days && words.years) return words;
    } catch (e) { /* fall through */ }
    var lang = document.documentElement.lang || undefined;
    var out = { months: [], days: [], years: [] };
    for (var m = 0; m < 12; m++) {
      var day = new Date(Date.UTC(2000, m, 28));
      out.months.push(new Intl.DateTimeFormat(lang, { month: "short", timeZone: "UTC" }).format(day));
      out.days.push(new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", timeZone: "UTC" }).format(day).replace("28", "{d}"));
      out.years.push(new Intl.DateTimeFormat(lang, { month: "short", year: "numeric", timeZone: "UTC" }).format(day).replace("2000", "{y}"));
    }
    return out;
  }

  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function parseDay(text) {
    var p = text.split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]);
  }

  // The same rule as overview.ticks() in Python, so the first view does not change.
  function tickLabels(start, x0, width, words) {
    var lo = new Date(start + Math.floor(x0) * DAY);
    var hi = new Date(start + Math.floor(x0 + width) * DAY);
    var out = [];
    function push(t, label) { out.push([(t - start) / DAY, label]); }
    var y, step, t, d;
    if (width > 365.25 * 6) {
      step = width > 365.25 * 30 ? 10 : width < 365.25 * 14 ? 1 : 2;
      for (y = lo.getUTCFullYear() - lo.getUTCFullYear() % step; y <= hi.getUTCFullYear(); y += step) {
        t = Date.UTC(y, 0, 1);
        if (t >= lo.getTime()) push(t, String(y));
      }
    } else if (width > 75) {
      step = width > 400 ? 3 : 1;
      d = new Date(Date.UTC(lo.getUTCFullYear(), lo.getUTCMonth(), 1));
      while (d.getTime() <= hi.getTime()) {
        if (d.getTime() >= lo.getTime() && d.getUTCMonth() % step === 0) {
          var m = d.getUTCMonth();
          push(d.getTime(), m === 0 || !out.length ? words.years[m].replace("{y}", d.getUTCFullYear()) : words.months[m]);
        }
        d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
      }
    } else {
      t = lo.getTime() - ((lo.getUTCDay() + 6) % 7) * DAY;
      for (; t <= hi.getTime(); t += 7 * DAY) {
        if (t >= lo.getTime()) {
          d = new Date(t);
          push(t, words.days[d.getUTCMonth()].replace("{d}", d.getUTCDate()));
        }
      }
    }
    return out;
  }

  function setUp(section) {
    var svg = section.querySelector("svg.overview-svg");
    if (!svg) return;
    var days = +svg.getAttribute("data-days");
    var start = parseDay(svg.getAttribute("data-start"));
    var box = svg.getAttribute("viewBox").split(/\s+/).map(Number);
    var height = box[3];
    var first = { x: box[0], w: box[2] };
    var view = { x: box[0], w: box[2] };
    var ticks = section.querySelector(".overview-ticks");
    var status = section.querySelector("[data-overview-status]");
    var words = monthWords(section);
    var showing = section.getAttribute("data-showing") || "{from} – {to}";
    var windowRect = svg.querySelector(".ov-window");
    var links = Array.prototype.slice.call(svg.querySelectorAll("a"));
    links.sort(function (a, b) { return +a.getAttribute("data-x") - +b.getAttribute("data-x"); });
    var current = -1;
    var frame = 0;

    var tools = section.querySelector(".overview-tools");
    var help = section.querySelector(".overview-help");
    if (tools) tools.hidden = false;
    if (help) help.hidden = false;

    function clamp(x, w) {
      w = Math.max(Math.min(w, days), Math.min(MIN_DAYS, days));
      x = Math.max(0, Math.min(x, days - w));
      return { x: x, w: w };
    }

    function draw() {
      frame = 0;
      svg.setAttribute("viewBox", view.x.toFixed(2) + " 0 " + view.w.toFixed(2) + " " + height);
      if (!ticks) return;
      var html = "";
      var labels = tickLabels(start, view.x, view.w, words);
      // On a narrow screen some labels would overlap: keep those with room (a label is
      // about 6.5 px a character at this size).
      var pixels = svg.getBoundingClientRect().width || 600;
      var lastRight = -Infinity;
      var yearDropped = false;
      for (var i = 0; i < labels.length; i++) {
        var pct = (labels[i][0] - view.x) / view.w * 100;
        if (pct < 0 || pct > 100) continue;
        var text = labels[i][1];
        var hasYear = /\d{4}/.test(text);
        if ((lastRight === -Infinity || yearDropped) && view.w > 75 && !hasYear) {
          // The first label shown says the year, and so does the one after a new year's
          // label that had no room.
          text += " " + new Date(start + labels[i][0] * DAY).getUTCFullYear();
        }
        var half = (text.length * 6.5 + 8) / 2;
        var centre = pct / 100 * pixels;
        if (centre - half < Math.max(lastRight + 4, 0) || centre + half > pixels) {
          if (hasYear) yearDropped = true;
          continue;
        }
        yearDropped = false;
        lastRight = centre + half;
        html += '<span style="left:' + pct.toFixed(3) + '%">' + escapeHtml(text) + "</span>";
      }
      ticks.innerHTML = html;
    }

    function setView(x, w, announce) {
      view = clamp(x, w);
      if (!frame) frame = window.requestAnimationFrame(draw);
      if (announce && status) {
        var a = new Date(start + view.x * DAY), b = new Date(start + (view.x + view.w) * DAY);
        status.textContent = showing
          .replace("{from}", words.years[a.getUTCMonth()].replace("{y}", a.getUTCFullYear()))
          .replace("{to}", words.years[b.getUTCMonth()].replace("{y}", b.getUTCFullYear()));
      }
    }

    function zoom(factor, centre) {
      if (centre === undefined) centre = view.x + view.w / 2;
      var w = view.w * factor;
      setView(centre - (centre - view.x) * factor, w, true);
    }

    function keepVisible(x) {
      var margin = view.w * 0.08;
      if (x < view.x + margin) setView(x - margin, view.w);
      else if (x > view.x + view.w - margin) setView(x - view.w + margin, view.w);
    }

    function choose(i, focus) {
      if (!links.length) return;
      i = Math.max(0, Math.min(links.length - 1, i));
      if (current >= 0) {
        links[current].setAttribute("tabindex", "-1");
        links[current].classList.remove("current");
      }
      current = i;
      var link = links[i];
      link.setAttribute("tabindex", "0");
      link.classList.add("current");
      keepVisible(+link.getAttribute("data-x"));
      if (focus) link.focus();
    }

    // Roving focus: the overview is one stop in the Tab order; arrows move within it.
    links.forEach(function (link, i) {
      link.setAttribute("tabindex", "-1");
      link.addEventListener("focus", function () { if (current !== i) choose(i, false); });
    });
    var visible = links.filter(function (l) {
      var x = +l.getAttribute("data-x");
      return x >= view.x && x <= view.x + view.w;
    });
    var initial = visible.length ? links.indexOf(visible[visible.length - 1]) : links.length - 1;
    if (links.length) {
      current = initial;
      links[initial].setAttribute("tabindex", "0");
    }

    function follow(link) {
      var href = link.getAttribute("href");
      if (!href) return;
      var target = link.getAttribute("target");
      if (target && target !== "_self") window.open(new URL(href, window.location.href).toString(), target);
      else window.location.assign(new URL(href, window.location.href).toString());
    }

    svg.addEventListener("keydown", function (event) {
      var key = event.key;
      var handled = true;
      if (key === "ArrowRight" || key === "ArrowDown") choose(current + 1, true);
      else if (key === "ArrowLeft" || key === "ArrowUp") choose(current - 1, true);
      else if (key === "PageDown") choose(current + 10, true);
      else if (key === "PageUp") choose(current - 10, true);
      else if (key === "Home") choose(0, true);
      else if (key === "End") choose(links.length - 1, true);
      else if (key === "+" || key === "=") zoom(0.5, current >= 0 ? +links[current].getAttribute("data-x") : undefined);
      else if (key === "-" || key === "_") zoom(2, current >= 0 ? +links[current].getAttribute("data-x") : undefined);
      else if (key === "0") setView(0, days, true);
      else if (key === "Enter" && current >= 0) follow(links[current]);
      else handled = false;
      if (handled) event.preventDefault();
    });

    section.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button[data-zoom]") : null;
      if (!button) return;
      var what = button.getAttribute("data-zoom");
      if (what === "in") zoom(0.5);
      else if (what === "out") zoom(2);
      else if (what === "all") setView(0, days, true);
      else if (what === "story") setView(first.x, first.w, true);
    });

    function dayAt(clientX) {
      var rect = svg.getBoundingClientRect();
      return view.x + (clientX - rect.left) / rect.width * view.w;
    }

    // Ctrl+wheel (and trackpad pinches, which arrive as such) zoom; sideways wheels pan.
    svg.addEventListener("wheel", function (event) {
      var rect = svg.getBoundingClientRect();
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        zoom(Math.exp(event.deltaY * 0.01), dayAt(event.clientX));
      } else if (Math.abs(event.deltaX) > Math.abs(event.deltaY) || event.shiftKey) {
        event.preventDefault();
        var delta = event.shiftKey && !event.deltaX ? event.deltaY : event.deltaX;
        setView(view.x + delta / rect.width * view.w, view.w);
      }
    }, { passive: false });

    // Drag to pan, two fingers to pinch. A drag is not a click on the bar under it.
    var pointers = {};
    var drag = null;
    var moved = false;
    svg.addEventListener("pointerdown", function (event) {
      pointers[event.pointerId] = event.clientX;
      var ids = Object.keys(pointers);
      if (ids.length === 1) {
        drag = { x: event.clientX, view: { x: view.x, w: view.w } };
        moved = false;
      } else if (ids.length === 2) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        drag = { pinch: Math.abs(a - b) || 1, centre: dayAt((a + b) / 2), view: { x: view.x, w: view.w } };
      }
    });
    svg.addEventListener("pointermove", function (event) {
      if (!(event.pointerId in pointers) || !drag) return;
      pointers[event.pointerId] = event.clientX;
      var rect = svg.getBoundingClientRect();
      var ids = Object.keys(pointers);
      if (drag.pinch && ids.length === 2) {
        var spread = Math.abs(pointers[ids[0]] - pointers[ids[1]]) || 1;
        var factor = drag.pinch / spread;
        var w = drag.view.w * factor;
        setView(drag.centre - (drag.centre - drag.view.x) * factor, w);
        moved = true;
      } else if (!drag.pinch) {
        var dx = event.clientX - drag.x;
        if (Math.abs(dx) > 4) {
          moved = true;
          svg.classList.add("dragging");
          if (!svg.hasPointerCapture(event.pointerId)) svg.setPointerCapture(event.pointerId);
        }
        if (moved) setView(drag.view.x - dx / rect.width * drag.view.w, drag.view.w);
      }
    });
    function release(event) {
      delete pointers[event.pointerId];
      if (!Object.keys(pointers).length) {
        drag = null;
        svg.classList.remove("dragging");
      }
    }
    svg.addEventListener("pointerup", release);
    svg.addEventListener("pointercancel", release);
    svg.addEventListener("click", function (event) {
      if (moved) { event.preventDefault(); event.stopPropagation(); moved = false; return; }
      var link = event.target.closest ? event.target.closest("a") : null;
      if (link) {
        var i = links.indexOf(link);
        if (i >= 0) choose(i, false);
      }
    }, true);

    if (windowRect === null && first.w >= days) first = { x: 0, w: days };
    draw();
    window.addEventListener("resize", function () { if (!frame) frame = window.requestAnimationFrame(draw); });
  }

  function start() {
    var sections = document.querySelectorAll("[data-annals-overview]");
    for (var i = 0; i < sections.length; i++) setUp(sections[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
