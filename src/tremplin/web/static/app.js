// Tremplin: small enhancements only; every page works without this file.
(function () {
  "use strict";
  // Autocomplete: asks the server after a pause in typing (never on every keystroke).
  var input = document.querySelector("input[data-autocomplete]");
  if (input && window.fetch) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null, last = "", cache = {};
    var fill = function (items) {
      while (list.firstChild) list.removeChild(list.firstChild);
      items.forEach(function (s) {
        var o = document.createElement("option");
        o.value = s.text || s.label || s.title || "";
        list.appendChild(o);
      });
    };
    input.addEventListener("input", function () {
      var q = input.value.trim();
      clearTimeout(timer);
      if (q.length < 2 || q === last) return;
      timer = setTimeout(function () {
        last = q;
        if (cache[q]) { fill(cache[q]); return; }
        fetch(input.getAttribute("data-autocomplete") + "?limit=8&q=" + encodeURIComponent(q), {headers: {Accept: "application/json"}})
          .then(function (r) { return r.ok ? r.json() : {suggestions: []}; })
          .then(function (d) { cache[q] = d.suggestions || []; if (input.value.trim() === q) fill(cache[q]); })
          .catch(function () {});
      }, 250);
    });
  }
  // Avatar: live preview while choosing (the form still saves without JavaScript).
  var form = document.querySelector("form[data-avatar-preview]");
  if (form && window.fetch && window.URLSearchParams) {
    var box = document.getElementById("apercu");
    form.addEventListener("change", function () {
      var params = new URLSearchParams();
      Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]:checked"), function (el) {
        params.append(el.name, el.value);
      });
      params.append("lang", document.documentElement.lang);
      fetch(form.getAttribute("data-avatar-preview") + "?" + params.toString())
        .then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (svg) {
          if (svg.indexOf("<svg") !== 0) return;
          var doc = new DOMParser().parseFromString(svg, "image/svg+xml");
          var node = document.importNode(doc.documentElement, true);
          box.replaceChildren(node);
        }).catch(function () {});
    });
  }
  // Language switch: the server never sees the fragment (#revoir, #job-…), so the link takes
  // the current one along and the reader lands at the same place in the other language.
  Array.prototype.forEach.call(document.querySelectorAll("a[data-lang]"), function (a) {
    a.addEventListener("click", function () {
      if (location.hash && location.hash.indexOf("#TJ1Z:") !== 0) {
        a.setAttribute("href", a.getAttribute("href").split("#")[0] + location.hash);
      }
    });
  });
  // A change confirmed next to the form that made it (`.moved`, a status message): the page
  // already lands there (its address ends with that form's #anchor); the focus goes to it
  // too, so that a screen reader reads it out (a status in a page just loaded is not
  // announced). Once loaded, the browser moves the focus to the #anchor, or drops it when the
  // anchor cannot take it: the confirmation, right by it, takes it back, once. Not when
  // something else has the focus (a field at fault, with `autofocus`).
  var said = document.querySelector("main .moved[role=status]");
  if (said) {
    var anchor = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    var show = function () { said.focus(); };
    var idle = function (el) { return !el || el === document.body || el === anchor; };
    said.setAttribute("tabindex", "-1");
    said.addEventListener("blur", function back(e) {
      said.removeEventListener("blur", back);
      if (idle(e.relatedTarget)) setTimeout(show, 0);
    });
    if (idle(document.activeElement)) show();
  }
  // Job map on a phone: it keeps a readable size in a region that scrolls sideways; the
  // region opens centred on « Toi », where the person's ideas are (no smooth scrolling).
  var region = document.querySelector(".jobmap-scroll");
  var you = region && region.querySelector(".jobmap-you");
  if (you && region.scrollWidth > region.clientWidth) {
    var r = region.getBoundingClientRect(), m = you.getBoundingClientRect();
    region.scrollLeft = Math.max(0, m.left + m.width / 2 - r.left - region.clientWidth / 2);
  }
  // Portable profile: a scanned QR code opens /profil/import#TJ1Z:...; the fragment never
  // reaches the server, so the page copies the link into the field and lets the person confirm.
  var qrForm = document.querySelector("form[data-qr-link]");
  if (qrForm && location.hash.indexOf("#TJ1Z:") === 0) {
    qrForm.querySelector("textarea[name=qr]").value = location.href;
    var note = document.getElementById("qr-link-status");
    if (note) note.hidden = false;
    qrForm.querySelector("button[type=submit]").focus();
  }
})();
