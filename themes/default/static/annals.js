/* Annals site pages: the actor filter on timeline pages and the Copy buttons of embed
   snippets. Everything works without this file; it only makes things quicker. */
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
        status.textContent = slug
          ? "Showing " + counts.shown + " of " + counts.total + " events involving " + name + "."
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
        if (status) status.textContent = ok ? "Copied." : "Select the text and copy it.";
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

  function start() {
    var forms = document.querySelectorAll("form[data-annals-filter]");
    for (var i = 0; i < forms.length; i++) setUpFilter(forms[i]);
    var buttons = document.querySelectorAll("button[data-copy]");
    for (var j = 0; j < buttons.length; j++) setUpCopy(buttons[j]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
