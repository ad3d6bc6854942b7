// The action page: where the reader lives, the missions to write to with every way in, the letter
// (editable, with the reader's name and city filled in), and the ways to send it.
//
// Every answer comes from the page's data, which the library computed (where_to_write, routes):
// the script only looks answers up. Text from the data is always set as text, never as HTML.
// The letter is filled in as coalition_kit's render_letter does it, and e-mail links are encoded
// as its mailto() does (RFC 6068).
(function () {
  "use strict";

  var PLACEHOLDER = /(?<!\\)\[([^\[\]\n\\]+)\](?![(\[])/g;
  var MARKDOWN_ESCAPE = /\\([\\`*_{}\[\]()#+\-.!<>|~])/g;
  var MAILTO_LIMIT = 2000; // some mail clients cut longer links

  function encode(text, keepAt) {
    var encoded = encodeURIComponent(text).replace(/[!'()*]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
    return keepAt ? encoded.replace(/%40/g, "@") : encoded;
  }

  function mailto(addresses, subject, body) {
    var link = "mailto:" + addresses.map(function (a) { return encode(a, true); }).join(",");
    var fields = [];
    if (subject !== null) fields.push("subject=" + encode(subject, false));
    if (body !== null) fields.push("body=" + encode(body.replace(/\r\n|\r|\n/g, "\r\n"), false));
    return link + (fields.length ? "?" + fields.join("&") : "");
  }

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") node.textContent = attributes[name];
      else if (attributes[name] !== null && attributes[name] !== undefined) node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return name in values ? values[name] : match;
    });
  }

  // Copy text: the Clipboard API where the page may use it (https), else a selected text area.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return legacyCopy(text); });
    }
    return Promise.resolve(legacyCopy(text));
  }

  function legacyCopy(text) {
    var area = element("textarea", { readonly: "", "aria-hidden": "true", class: "ck-offscreen" });
    area.value = text;
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    document.body.removeChild(area);
    return done;
  }

  // The browser's region, as a country code ("en-CA" gives "CA"), or "".
  function browserCountry() {
    var found = "";
    (navigator.languages || [navigator.language || ""]).some(function (tag) {
      var match = /[-_]([A-Za-z]{2})$/.exec(tag || "");
      if (match) found = match[1].toUpperCase();
      return !!match;
    });
    return found;
  }

  function choose(select, code) {
    var clean = (code || "").toUpperCase().replace(/[^A-Z0-9-]/g, "");
    if (clean && select.querySelector("option[value='" + clean + "']")) {
      select.value = clean;
      return true;
    }
    return false;
  }

  // The home page: a shared link with ?country= goes straight to the action page; otherwise the
  // country picker starts at the browser's region.
  function setUpHome() {
    var picker = document.getElementById("ck-home-country");
    if (!picker || picker.dataset.ckReady) return;
    picker.dataset.ckReady = "yes";
    var form = picker.form;
    var query = new URLSearchParams(window.location.search);
    if (query.get("country") && form) {
      window.location.replace(form.getAttribute("action") + window.location.search);
      return;
    }
    if (!picker.value) choose(picker, browserCountry());
  }

  function setUp() {
    setUpHome();
    var root = document.getElementById("ck-act");
    var source = document.getElementById("ck-act-data");
    if (!root || !source || root.dataset.ckReady) return;
    root.dataset.ckReady = "yes";
    root.hidden = false;
    var data = JSON.parse(source.textContent);
    var s = data.strings;
    var letter = data.letter;
    var status = document.getElementById("ck-status");
    var country = document.getElementById("ck-country");
    var region = document.getElementById("ck-region");
    var regionBox = document.getElementById("ck-region-box");
    var list = document.getElementById("ck-recipients-list");
    var hint = document.getElementById("ck-recipients-hint");
    var textBox = document.getElementById("ck-letter-text");
    var subjectBox = document.getElementById("ck-subject");
    var languageBox = document.getElementById("ck-letter-language");
    var optionalBox = document.getElementById("ck-optional");
    var emailAll = document.getElementById("ck-email-all");
    var printBox = document.getElementById("ck-print");
    var values = {};
    var included = {};
    var edited = false;
    var language = letter ? letter.language : null;
    var subjectEdited = false;
    var letterNote = document.getElementById("ck-letter-note");

    function say(text) { if (status) status.textContent = text; }

    function copyButton(label, getText) {
      var button = element("button", { type: "button", class: "md-button ck-copy", text: label });
      button.addEventListener("click", function () {
        copyText(getText()).then(function (done) { say(done ? s.js_copied : s.js_copy_failed); });
      });
      return button;
    }

    // The letter, as the library renders it: placeholders filled, optional paragraphs chosen.
    function rendered() {
      if (!letter) return "";
      return letter.text[language].filter(function (paragraph, index) {
        return !paragraph.optional || included[index] !== false;
      }).map(function (paragraph) {
        var filled = paragraph.markdown.replace(PLACEHOLDER, function (match, label) {
          var token = "[" + label + "]";
          return values[token] ? values[token] : match;
        });
        return filled.replace(MARKDOWN_ESCAPE, "$1");
      }).join("\n\n") + "\n";
    }

    function letterText() { return textBox ? textBox.value : rendered(); }
    function subject() { return subjectBox ? subjectBox.value : (letter ? letter.subjects[language] : ""); }
    function missing() {
      return letter ? letter.placeholders.filter(function (p) { return !values[p.token] && letterText().indexOf(p.token) !== -1; }) : [];
    }

    function redraw() {
      if (textBox && !edited) textBox.value = rendered();
      drawRecipients();
    }

    function drawOptional() {
      if (!optionalBox || !letter) return;
      optionalBox.textContent = "";
      letter.text[language].forEach(function (paragraph, index) {
        if (!paragraph.optional) return;
        var id = "ck-optional-" + index;
        var box = element("input", { type: "checkbox", id: id });
        box.checked = included[index] !== false;
        box.addEventListener("change", function () { included[index] = box.checked; edited = false; redraw(); });
        var preview = paragraph.markdown.replace(MARKDOWN_ESCAPE, "$1").slice(0, 80) + "…";
        optionalBox.appendChild(element("div", { class: "ck-check" }, [box, element("label", { for: id, text: preview })]));
      });
    }

    // Each value the reader types replaces the old one in an edited letter, or fills the token.
    document.querySelectorAll("input[data-token]").forEach(function (input) {
      input.addEventListener("input", function () {
        var token = input.getAttribute("data-token");
        var old = values[token];
        values[token] = input.value.trim();
        if (edited && textBox) {
          textBox.value = textBox.value.split(old ? old : token).join(values[token] || token);
        }
        redraw();
      });
    });
    if (textBox) textBox.addEventListener("input", function () { edited = true; drawRecipients(); });
    if (subjectBox) subjectBox.addEventListener("input", function () { subjectEdited = true; drawRecipients(); });
    // Another language: its text and subject (unless the reader wrote their own), its note.
    if (languageBox) languageBox.addEventListener("change", function () {
      language = languageBox.value; included = {}; edited = false;
      if (subjectBox && !subjectEdited) subjectBox.value = letter.subjects[language];
      if (letterNote) letterNote.textContent = letter.notes[language] || s.act_letter_translation;
      drawOptional(); redraw();
    });

    function recipients() {
      var code = country.value;
      var plan = data.plans[code] || null;
      var ids = plan ? (plan[region.value] || plan[""]) : [];
      return ids.concat(data.shared).filter(function (id, index, all) { return all.indexOf(id) === index; });
    }

    function emailLink(addresses, anchor) {
      var body = letterText();
      var full = mailto(addresses, subject(), body);
      if (full.length <= MAILTO_LIMIT) {
        anchor.href = full;
        anchor.onclick = null;
        return;
      }
      anchor.href = mailto(addresses, subject(), null);
      anchor.onclick = function () {
        copyText(body);
        say(s.js_email_long);
      };
    }

    function printFor(mission, envelope) {
      printBox.textContent = "";
      if (envelope) printBox.appendChild(element("p", { class: "ck-print-address", text: envelope }));
      var today = new Date().toLocaleDateString(document.documentElement.lang || undefined, { year: "numeric", month: "long", day: "numeric" });
      printBox.appendChild(element("p", { class: "ck-print-date", text: today }));
      printBox.appendChild(element("div", { class: "ck-print-letter", text: letterText() }));
      document.body.classList.add("ck-printing");
      window.addEventListener("afterprint", function done() {
        document.body.classList.remove("ck-printing");
        window.removeEventListener("afterprint", done);
      });
      say(s.js_printing);
      window.print();
    }

    function routeItem(mission, route) {
      var item = element("li", { class: "ck-route", "data-route": route.kind });
      if (route.kind === "email") {
        var anchor = element("a", { class: "md-button ck-email", text: fill(s.js_email_one, { address: route.text }) });
        emailLink([route.text], anchor);
        item.appendChild(anchor);
      } else if (route.kind === "fax") {
        item.appendChild(element("span", { text: fill(s.js_fax, { number: route.text }) + " " }));
        var fax = element("button", { type: "button", class: "md-button", text: s.js_print });
        fax.addEventListener("click", function () { printFor(mission, null); });
        item.appendChild(fax);
      } else if (route.kind === "post") {
        item.appendChild(element("span", { class: "ck-envelope", text: route.envelope }));
        var post = element("button", { type: "button", class: "md-button", text: s.js_post });
        post.addEventListener("click", function () { printFor(mission, route.envelope); });
        item.appendChild(post);
      } else if (route.kind === "web") {
        item.appendChild(element("a", { href: route.link, class: "md-button", target: "_blank", rel: "noopener noreferrer", text: fill(s.js_web, { label: route.label || route.text }) }));
        item.appendChild(element("span", { text: " " + s.js_paste + " " }));
        item.appendChild(copyButton(s.js_copy, letterText));
      } else if (route.kind === "social") {
        var handle = route.text.charAt(0) === "@" ? route.text : null;
        var post_ = (data.posts[0] && data.posts[0].parts[0]) || "";
        var text = handle ? handle + " " + post_ : post_;
        var href = route.label === "x" ? "https://x.com/intent/post?text=" + encode(text, false) : route.link;
        if (href) item.appendChild(element("a", { href: href, class: "md-button", target: "_blank", rel: "noopener noreferrer", text: fill(s.js_social, { handle: route.text }) }));
        else item.appendChild(element("span", { text: route.text }));
      }
      return item;
    }

    function drawRecipients() {
      var ids = recipients();
      var empty = missing();
      list.textContent = "";
      hint.textContent = (data.plans[country.value] ? "" : s.js_no_local + " ") +
        (empty.length ? fill(s.js_fill_in, { fields: empty.map(function (p) { return p.description; }).join(", ") }) : "");
      var allEmails = [];
      ids.forEach(function (id) {
        var mission = data.missions[id];
        var card = element("li", { class: "ck-card", "data-mission": id }, [
          element("h3", {}, [element("a", { href: mission.page, text: mission.name })]),
          element("p", { class: "ck-place", text: mission.place + (data.shared.indexOf(id) !== -1 ? " · " + s.js_shared : "") }),
        ]);
        var routes = element("ul", { class: "ck-routes" });
        mission.routes.forEach(function (route) { routes.appendChild(routeItem(mission, route)); });
        if (!mission.routes.length) routes.appendChild(element("li", { text: s.js_no_route }));
        card.appendChild(routes);
        list.appendChild(card);
        allEmails = allEmails.concat(mission.emails);
      });
      allEmails = allEmails.filter(function (a, i, all) { return all.indexOf(a) === i; });
      if (emailAll) {
        emailAll.hidden = allEmails.length === 0;
        emailAll.textContent = fill(s.js_email_all, { count: allEmails.length });
        if (allEmails.length) emailLink(allEmails, emailAll);
      }
    }

    function drawRegions() {
      var regions = data.regions[country.value] || [];
      regionBox.hidden = regions.length === 0;
      var chosen = region.value;
      region.textContent = "";
      region.appendChild(element("option", { value: "", text: "—" }));
      regions.forEach(function (pair) { region.appendChild(element("option", { value: pair[0], text: pair[1] })); });
      region.value = regions.some(function (pair) { return pair[0] === chosen; }) ? chosen : "";
    }

    function remember() {
      var query = new URLSearchParams(window.location.search);
      if (country.value) query.set("country", country.value); else query.delete("country");
      if (region.value) query.set("region", region.value.split("-").pop()); else query.delete("region");
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    }

    // Where the reader lives: the link's ?country= and ?region=, else the browser's region.
    var query = new URLSearchParams(window.location.search);
    choose(country, query.get("country") || browserCountry());
    drawRegions();
    var wantedRegion = (query.get("region") || "").toUpperCase();
    if (wantedRegion) choose(region, wantedRegion.indexOf("-") === -1 ? country.value + "-" + wantedRegion : wantedRegion);
    country.addEventListener("change", function () { drawRegions(); remember(); drawRecipients(); });
    region.addEventListener("change", function () { remember(); drawRecipients(); });
    drawOptional();
    redraw();

    // The letter can always be copied; the page can be shared.
    var copyLetter = document.getElementById("ck-copy-letter");
    if (copyLetter) copyLetter.appendChild(copyButton(s.js_copy, letterText));
    document.querySelectorAll(".ck-post-part").forEach(function (part) {
      part.parentNode.appendChild(copyButton(s.js_copy, function () { return part.textContent; }));
    });
    var share = document.getElementById("ck-share");
    if (share) share.addEventListener("click", function () {
      var url = window.location.href;
      if (navigator.share) navigator.share({ title: document.title, url: url }).catch(function () {});
      else copyText(url).then(function (done) { say(done ? s.js_link_copied : s.js_copy_failed); });
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
