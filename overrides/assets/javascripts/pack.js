/* The print pack (training/pack.md): a trainer ticks sessions, role-play decks and handouts, and
   the browser prints only those. No server: each item is already on the page; an unticked item
   gets data-pack-skip, which print.css leaves out. Without this script everything prints. */
(function () {
  "use strict";

  function setUp(form) {
    var items = document.querySelectorAll("[data-pack-item]");
    var boxes = form.querySelectorAll("input[type=checkbox][name=pack]");
    var status = form.querySelector("[data-pack-count]");
    var print = form.querySelector("[data-pack-print]");

    function update() {
      var chosen = {};
      var count = 0;
      boxes.forEach(function (box) {
        chosen[box.value] = box.checked;
        if (box.checked) count += 1;
      });
      items.forEach(function (item) {
        if (chosen[item.getAttribute("data-pack-item")]) item.removeAttribute("data-pack-skip");
        else item.setAttribute("data-pack-skip", "");
      });
      status.textContent = (count ? form.dataset.msgCount : form.dataset.msgNone).replace("{n}", count);
      print.disabled = count === 0;
    }

    boxes.forEach(function (box) { box.addEventListener("change", update); });
    form.querySelectorAll("[data-pack-group]").forEach(function (button) {
      button.addEventListener("click", function () {
        var group = button.getAttribute("data-pack-group");
        var on = button.getAttribute("data-pack-set") === "all";
        boxes.forEach(function (box) {
          if (group === "*" || box.dataset.group === group) box.checked = on;
        });
        update();
      });
    });
    print.addEventListener("click", function () { window.print(); });
    form.hidden = false;
    document.documentElement.classList.add("hb-pack-ready");
    update();
  }

  function init() {
    var form = document.querySelector("form[data-pack]");
    if (form && !form.dataset.packReady) {
      form.dataset.packReady = "1";
      setUp(form);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
