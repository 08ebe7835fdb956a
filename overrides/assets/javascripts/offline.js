/*
 * Offline reading (sw.js, written at build by hooks/offline.py): registers the service
 * worker once the page has loaded, shows whether the handbook is saved on this device and
 * how much it stores, and when a new deployment has been downloaded shows
 * "A new version is available — reload" (words from i18n/); the page changes only when the
 * reader presses reload.
 */
(function () {
  "use strict";
  var line = document.querySelector("[data-hb-offline]");
  var notice = document.querySelector("[data-hb-update]");
  var sw = navigator.serviceWorker;
  if (!sw || !line || !notice) return;
  var script = document.currentScript;
  var island = document.getElementById("hb-words"); // i18n/, via overrides/main.html
  if (!island) return;
  var words = JSON.parse(island.textContent).offline;
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) { return values[name]; });
  }
  var text = {
    saving: function (done, total) { return fill(words.saving, { done: done, total: total }); },
    ready: function (files, size) { return fill(words.ready, { files: files, size: size }); },
    downloading: words.downloading,
    incomplete: words.incomplete,
    offline: words.offline,
    update: words.update,
    reload: words.reload
  };
  var state = "";
  var watched = null;
  var reloading = false;

  function show(message) {
    state = message;
    line.textContent = (navigator.onLine ? "" : text.offline + " ") + state;
    line.hidden = false;
  }

  function megabytes(bytes) {
    return (bytes / 1048576).toFixed(1) + " MB";
  }

  function offerReload(worker) {
    notice.querySelector(".hb-update__text").textContent = text.update;
    var button = notice.querySelector(".hb-update__reload");
    button.textContent = text.reload;
    button.onclick = function () {
      reloading = true;
      if (worker) worker.postMessage("skip-waiting"); // reloads on controllerchange
      else location.reload();
    };
    notice.hidden = false;
  }

  function watch(worker) {
    if (!worker || worker === watched) return;
    watched = worker;
    var update = Boolean(sw.controller);
    if (update) show(text.downloading);
    worker.addEventListener("statechange", function () {
      if (worker.state === "installed" && update) offerReload(worker);
      if (worker.state === "redundant" && !reloading) show(text.incomplete);
    });
  }

  function askStatus() {
    if (sw.controller) sw.controller.postMessage("status");
  }

  sw.addEventListener("message", function (event) {
    var m = event.data || {};
    if (m.type === "progress") show(sw.controller ? text.downloading + " " + m.done + " / " + m.total : text.saving(m.done, m.total));
    if (m.type === "status") show(m.files === m.total ? text.ready(m.files, megabytes(m.bytes)) : text.saving(m.files, m.total));
  });

  var hadController = Boolean(sw.controller);
  sw.addEventListener("controllerchange", function () {
    if (reloading) return location.reload();
    if (hadController) offerReload(null); // another tab switched to the new version
    hadController = true;
    askStatus();
  });

  window.addEventListener("online", function () { show(state); });
  window.addEventListener("offline", function () { show(state); });

  window.addEventListener("load", function () {
    sw.register(script.dataset.sw).then(function (registration) {
      if (registration.waiting && sw.controller) offerReload(registration.waiting);
      watch(registration.installing);
      registration.addEventListener("updatefound", function () { watch(registration.installing); });
      askStatus();
      setInterval(function () { registration.update(); }, 3600 * 1000); // for tabs left open all day
    });
  });
})();
