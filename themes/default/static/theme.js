/* Light or dark: the reader's system setting (prefers-color-scheme) unless they chose
   otherwise with the header's toggle, which is remembered in localStorage. Loaded in
   <head> without defer so a remembered choice applies before the first paint. */
(function () {
  "use strict";
  var KEY = "annals-scheme";
  var root = document.documentElement;
  var system = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function remember(value) {
    try { window.localStorage.setItem(KEY, value); } catch (e) { /* private mode: this page only */ }
  }
  function isDark() {
    var choice = stored();
    if (choice === "dark" || choice === "light") return choice === "dark";
    return !!(system && system.matches);
  }
  function apply() {
    var choice = stored();
    root.classList.toggle("dark", choice === "dark");
    root.classList.toggle("light", choice === "light");
    var buttons = document.querySelectorAll("[data-annals-theme]");
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("aria-pressed", isDark() ? "true" : "false");
  }

  apply();
  function start() {
    var buttons = document.querySelectorAll("[data-annals-theme]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () {
        // Choosing what the system already gives goes back to following the system.
        var wantDark = !isDark();
        var systemDark = !!(system && system.matches);
        if (wantDark === systemDark) {
          try { window.localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
        } else {
          remember(wantDark ? "dark" : "light");
        }
        apply();
      });
    }
    apply();
  }
  if (system && system.addEventListener) system.addEventListener("change", apply);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
