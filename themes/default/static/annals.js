/* Annals site pages: the actor filter on timeline pages, the embed snippets' options and
   Copy buttons, and printing every "How each source puts it" open. Everything works
   without this file; it only makes things quicker. */
(function () {
  "use strict";

  // Hide events whose data-actors lacks the slug; hide months and years left empty.
  function filterEvents(list, slug) {
    var shown = 0;
    var items = list.querySelectorAll("li.event");
    for (var i = 0; i < items.length; i++) {
      var actors = (items[i].getAttribute("data-actors") || "").split(" ");
      var show = !slug || actors.indexOf(slug) >= 0;
      items[i].hidden = !show;
      if (show) shown++;
    }
    var sections = list.querySelectorAll("section.month, section.year");
    for (var j = 0; j < sections.length; j++) {
      sections[j].hidden = !sections[j].querySelector("li.event:not([hidden])");
    }
    return { shown: shown, total: items.length };
  }

  function setUpFilter(form) {
    var select = form.querySelector("select");
    // the story's list and the background's (events before the story window)
    var lists = document.querySelectorAll("[data-annals-list]");
    var status = document.getElementById("filter-count");
    var submit = form.querySelector("button[type=submit]");
    if (!select || !lists.length) return;
    if (submit) submit.hidden = true;  // the filter applies as soon as the choice changes

    function apply() {
      var slug = select.value;
      var counts = { shown: 0, total: 0 };
      for (var k = 0; k < lists.length; k++) {
        var part = filterEvents(lists[k], slug);
        counts.shown += part.shown;
        counts.total += part.total;
      }
      if (status) {
        var name = slug ? select.options[select.selectedIndex].text.replace(/\s*\(\d+\)$/, "") : "";
        // The sentence comes translated from the page (data-showing on the status line).
        var pattern = status.getAttribute("data-showing") || "{shown} / {total}: {name}";
        status.textContent = slug
          ? pattern.replace("{shown}", counts.shown).replace("{total}", counts.total).replace("{name}", name)
          : "";
      }
      if (window.history && history.replaceState) {
        var url = new URL(window.location.href);
        if (slug) url.searchParams.set("actor", slug); else url.searchParams.delete("actor");
        history.replaceState(null, "", url.toString());
      }
    }

    select.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    var wanted = new URLSearchParams(window.location.search).get("actor");
    if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
      select.value = wanted;
      apply();
    }
  }

  function setUpCopy(button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var box = button.closest("section");
    var status = box ? box.querySelector(".copy-status") : null;
    if (!source) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      function done(ok) {
        if (status) status.textContent = status.getAttribute(ok ? "data-copied" : "data-failed") || "";
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(source.value).then(function () { done(true); }, function () {
          source.select();
          done(document.execCommand && document.execCommand("copy"));
        });
      } else {
        source.select();
        done(document.execCommand && document.execCommand("copy"));
      }
    });
  }

  // The embed box's options rewrite both snippets (the defaults are left out of them).
  function setUpEmbedOptions(fieldset) {
    var box = fieldset.closest("section");
    var areas = box ? box.querySelectorAll("textarea[data-snippet]") : [];
    var originals = [];
    for (var i = 0; i < areas.length; i++) originals.push(areas[i].value);
    fieldset.hidden = false;

    function options() {
      var parts = [];
      var maxHeight = fieldset.querySelector("[name=max_height]");
      var latest = fieldset.querySelector("[name=latest]");
      var windowChoice = fieldset.querySelector("[name=window]");
      var dark = fieldset.querySelector("[name=dark]");
      var compact = fieldset.querySelector("[name=compact]");
      if (maxHeight && maxHeight.value && maxHeight.value !== "800") parts.push("max_height=" + parseInt(maxHeight.value, 10));
      if (latest && parseInt(latest.value, 10) > 0) parts.push("latest=" + parseInt(latest.value, 10));
      if (windowChoice && windowChoice.value === "all") parts.push("window=all");
      if (dark && dark.value) parts.push("dark=" + dark.value);
      if (compact && compact.checked) parts.push("compact=1");
      return parts;
    }

    function update() {
      var parts = options();
      for (var i = 0; i < areas.length; i++) {
        var text = originals[i];
        var kind = areas[i].getAttribute("data-snippet");
        if (kind === "script" && parts.length) {
          text = text.replace(/(data-annals-timeline="[^"]*")/, '$1 data-annals-options="' + parts.join("&amp;") + '"');
        } else if (kind === "iframe") {
          var query = parts.filter(function (p) { return p.indexOf("max_height=") !== 0; });
          if (query.length) text = text.replace(/src="([^"]*)"/, 'src="$1?' + query.join("&amp;") + '"');
          var maxHeight = fieldset.querySelector("[name=max_height]");
          if (maxHeight && parseInt(maxHeight.value, 10) > 0) text = text.replace(/height="\d+"/, 'height="' + parseInt(maxHeight.value, 10) + '"');
        }
        areas[i].value = text;
      }
    }
    fieldset.addEventListener("input", update);
    fieldset.addEventListener("change", update);
  }

  // Printed pages show every telling: open the closed ones for the print, then close them.
  function setUpPrint() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      var closed = document.querySelectorAll("details.event-phrasing:not([open])");
      for (var i = 0; i < closed.length; i++) { closed[i].open = true; opened.push(closed[i]); }
    });
    window.addEventListener("afterprint", function () {
      while (opened.length) opened.pop().open = false;
    });
  }

  function start() {
    setUpPrint();
    var options = document.querySelectorAll("[data-annals-embed-options]");
    for (var k = 0; k < options.length; k++) setUpEmbedOptions(options[k]);
    var forms = document.querySelectorAll("form[data-annals-filter]");
    for (var i = 0; i < forms.length; i++) setUpFilter(forms[i]);
    var buttons = document.querySelectorAll("button[data-copy]");
    for (var j = 0; j < buttons.length; j++) setUpCopy(buttons[j]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
