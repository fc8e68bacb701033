/* The search box of timeline pages (templates/_search.html) over Pagefind's own
   pagefind.js and the index Annals builds into pagefind/. The box is hidden until this
   script shows it; the index loads on first use. Results are events (leading to their place
   on the timeline), articles and actors; the filters narrow them by actor, source and year.
   Result text is put in as text: only Pagefind's <mark> highlights are kept as elements. */
(function () {
  "use strict";

  var PAGE = 20;  // results shown at a time
  var DELAY = 200;  // ms of quiet typing before a search

  function text(box, name, n) {
    return (box.getAttribute("data-text-" + name) || "").replace("{n}", String(n));
  }

  // Pagefind's excerpt is HTML-escaped text with <mark> around hits: rebuild it from text
  // nodes and <mark> elements only, so nothing else can ever become markup.
  function excerpt(html) {
    var holder = document.createElement("template");
    holder.innerHTML = html;
    var out = document.createDocumentFragment();
    holder.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function fillSelect(select, counts, wanted) {
    var values = Object.keys(counts || {});
    if (select.getAttribute("data-filter") === "year") {
      values.sort(function (a, b) { return Number(a) - Number(b); });
    } else {
      values.sort(function (a, b) { return a.localeCompare(b); });
    }
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value + " (" + counts[value] + ")";
      select.appendChild(option);
    });
    if (wanted && values.indexOf(wanted) >= 0) select.value = wanted;
    return values.length;
  }

  function setUp(box) {
    var form = box.querySelector("form");
    var input = box.querySelector("input[type=search]");
    var status = box.querySelector("[data-search-status]");
    var list = box.querySelector("[data-search-results]");
    var more = box.querySelector("[data-search-more]");
    var filterBox = box.querySelector("[data-search-filters]");
    var selects = Array.prototype.slice.call(box.querySelectorAll("select[data-filter]"));
    var bundle = new URL(box.getAttribute("data-bundle"), window.location.href).href;
    var loading = null;
    var found = [];
    var shown = 0;
    var run = 0;  // the latest search: answers of older ones are dropped
    var timer = null;

    box.hidden = false;
    more.textContent = text(box, "more");

    function load() {
      if (!loading) {
        // pagefind.js works out the site's root (any sub-path) from its own URL.
        loading = import(bundle + "pagefind.js").then(function (pagefind) {
          return pagefind.options({ excerptLength: 30 }).then(function () {
            return pagefind.filters();
          }).then(function (filters) {
            var any = 0;
            selects.forEach(function (select) {
              var name = select.getAttribute("data-filter");
              var wanted = name === "actor" ? box.getAttribute("data-actor") : null;
              var count = fillSelect(select, filters[name], wanted);
              select.closest(".search-filter").hidden = !count;
              any += count;
            });
            filterBox.hidden = !any;
            return pagefind;
          });
        });
        loading.catch(function () {
          status.textContent = text(box, "unavailable");
          input.disabled = true;
          selects.forEach(function (select) { select.disabled = true; });
        });
      }
      return loading;
    }

    function chosenFilters() {
      var filters = {};
      selects.forEach(function (select) {
        if (select.value) filters[select.getAttribute("data-filter")] = select.value;
      });
      return filters;
    }

    function showMore() {
      var batch = found.slice(shown, shown + PAGE);
      shown += batch.length;
      more.hidden = shown >= found.length;
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
        items.forEach(function (item) { list.appendChild(resultItem(item)); });
      });
    }

    function resultItem(item) {
      var li = document.createElement("li");
      li.className = "search-result";
      var meta = document.createElement("p");
      meta.className = "search-meta";
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = item.meta.kind || "";
      meta.appendChild(kind);
      if (item.meta.date) {
        meta.appendChild(document.createTextNode(" · " + item.meta.date));
      }
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.meta.title || item.url;
      var title = document.createElement("p");
      title.className = "search-title";
      title.appendChild(link);
      var snippet = document.createElement("p");
      snippet.className = "search-excerpt";
      snippet.appendChild(excerpt(item.excerpt || ""));
      li.appendChild(meta);
      li.appendChild(title);
      li.appendChild(snippet);
      return li;
    }

    function search() {
      var query = input.value.trim();
      var mine = ++run;
      status.textContent = text(box, "searching");
      // The filters are read once the index has loaded: it fills them (and may preselect one).
      return load().then(function (pagefind) {
        var filters = chosenFilters();
        if (!query && !Object.keys(filters).length) return { results: [] };
        // No words but a filter: everything the filters keep.
        return pagefind.search(query || null, { filters: filters });
      }).then(function (answer) {
        if (mine !== run || !answer) return;
        found = answer.results;
        shown = 0;
        list.textContent = "";
        var n = found.length;
        return showMore().then(function () {
          if (mine !== run) return;
          var asked = query || Object.keys(chosenFilters()).length;
          status.textContent = !asked ? "" : n === 0 ? text(box, "none") : text(box, n === 1 ? "one" : "many", n);
          box.setAttribute("data-search-done", String(mine));
        });
      }, function () { /* load() has said why */ });
    }

    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, DELAY);
    }

    input.addEventListener("focus", load, { once: true });
    input.addEventListener("input", later);
    selects.forEach(function (select) { select.addEventListener("change", search); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      search();
    });
    more.addEventListener("click", showMore);
  }

  document.querySelectorAll("[data-annals-search]").forEach(setUp);
})();
