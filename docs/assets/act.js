// The take-action page: choose a country, type your name and city once, and get the letter and
// mailto links for every mission to write to. Everything from the data is set as text, never as
// HTML. The letter is filled in exactly as coalition_kit.render.render_letter does it, and the
// mailto links are encoded as coalition_kit.render.mailto does (RFC 6068).
(function () {
  "use strict";

  var PLACEHOLDER = /(?<!\\)\[([^\[\]\n\\]+)\](?![(\[])/g;
  var MARKDOWN_ESCAPE = /\\([\\`*_{}\[\]()#+\-.!<>|~])/g;

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
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function copyButton(label, getText) {
    var button = element("button", { type: "button", class: "md-button ck-copy", text: label });
    button.addEventListener("click", function () {
      var text = getText();
      if (navigator.clipboard) {
        navigator.clipboard.writeText(text).then(function () {
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = label; }, 1500);
        }, function () { button.textContent = "Select and copy the text"; });
      }
    });
    return button;
  }

  function setUp() {
    var root = document.getElementById("ck-act");
    var source = document.getElementById("ck-act-data");
    if (!root || !source || root.dataset.ckReady) return;
    root.dataset.ckReady = "yes";
    var data = JSON.parse(source.textContent);
    var letter = data.letter;
    var values = {};
    var included = {};

    // Step 1: the reader's country.
    var country = element("select", { id: "ck-country", name: "country" });
    country.appendChild(element("option", { value: "", text: "Another country" }));
    data.countries.forEach(function (entry) {
      country.appendChild(element("option", { value: entry.code, text: entry.name }));
    });
    root.appendChild(element("fieldset", {}, [
      element("legend", { text: "1. Where do you live?" }),
      element("label", { for: "ck-country", text: "Your country" }),
      country,
    ]));

    // Step 2: the reader's values and choices.
    var language = null;
    var letterBox = null;
    if (letter) {
      var languages = Object.keys(letter.languages);
      language = languages[0];
      var inputs = [];
      letter.placeholders.forEach(function (placeholder, index) {
        var id = "ck-value-" + index;
        var input = element("input", {
          type: "text", id: id, name: placeholder.label, "data-token": placeholder.token,
          placeholder: placeholder.example || placeholder.label,
        });
        input.addEventListener("input", function () {
          values[placeholder.token] = input.value;
          update();
        });
        inputs.push(element("label", { for: id, text: placeholder.description }));
        inputs.push(input);
      });
      var choose = element("div", { id: "ck-optional" });
      var chooser = null;
      if (languages.length > 1) {
        chooser = element("select", { id: "ck-language" });
        languages.forEach(function (code) { chooser.appendChild(element("option", { value: code, text: code })); });
        chooser.addEventListener("change", function () { language = chooser.value; drawOptional(); update(); });
      }
      function drawOptional() {
        choose.textContent = "";
        letter.languages[language].forEach(function (paragraph, index) {
          if (!paragraph.optional) return;
          if (!(index in included)) included[index] = true;
          var id = "ck-optional-" + index;
          var box = element("input", { type: "checkbox", id: id });
          box.checked = included[index];
          box.addEventListener("change", function () { included[index] = box.checked; update(); });
          var preview = paragraph.markdown.replace(MARKDOWN_ESCAPE, "$1").slice(0, 90) + "…";
          choose.appendChild(element("label", { for: id }, [box, document.createTextNode(" Include: " + preview)]));
        });
      }
      drawOptional();
      root.appendChild(element("fieldset", {}, [
        element("legend", { text: "2. Your letter" }),
        chooser ? element("label", { for: "ck-language", text: "Language" }) : null,
        chooser,
      ].concat(inputs).concat([choose])));
      letterBox = element("pre", { id: "ck-letter-text" });
      root.appendChild(element("fieldset", {}, [
        element("legend", { text: "3. Read it, change it if you like, and send it" }),
        element("p", {}, [
          element("a", { href: letter.page, text: "About this letter" }),
        ]),
        letterBox,
        copyButton("Copy the letter", function () { return letterText(); }),
      ]));
    }

    // Step 4: whom to write to.
    var list = element("ul", { id: "ck-missions" });
    var hint = element("p", { id: "ck-hint" });
    root.appendChild(element("fieldset", {}, [
      element("legend", { text: (letter ? "4" : "2") + ". Write to" }),
      hint,
      list,
    ]));

    // Social posts and the calendar.
    data.posts.forEach(function (post, index) {
      var parts = post.parts.map(function (part, partIndex) {
        return element("div", {}, [
          element("pre", { class: "ck-post", id: "ck-post-" + index + "-" + partIndex, text: part }),
          copyButton("Copy", function () { return part; }),
        ]);
      });
      var counted = post.limit ? post.length + " of " + post.limit + " characters" : post.length + " characters";
      root.appendChild(element("fieldset", {}, [
        element("legend", { text: "Post on " + post.platform }),
        element("p", { text: post.fits ? counted + "." : counted + ": too long for one post, so post it as a thread of " + post.parts.length + "." }),
      ].concat(parts)));
    });
    if (data.calendar) {
      root.appendChild(element("p", {}, [
        element("a", { href: data.calendar, id: "ck-calendar", text: "Add this campaign's events to your calendar (.ics)" }),
      ]));
    }

    function letterText() {
      var chosen = letter.languages[language].filter(function (paragraph, index) {
        return !paragraph.optional || included[index];
      });
      return chosen.map(function (paragraph) {
        var filled = paragraph.markdown.replace(PLACEHOLDER, function (match, label) {
          var token = "[" + label + "]";
          return values[token] ? values[token] : match;
        });
        return filled.replace(MARKDOWN_ESCAPE, "$1");
      }).join("\n\n") + "\n";
    }

    function missing() {
      return letter ? letter.placeholders.filter(function (p) { return !values[p.token]; }) : [];
    }

    function update() {
      if (letterBox) letterBox.textContent = letterText();
      var code = country.value;
      var ids = (code && data.local[code] ? data.local[code] : []).concat(data.shared)
        .filter(function (id, index, all) { return all.indexOf(id) === index; });
      list.textContent = "";
      var empty = missing();
      hint.textContent = empty.length
        ? "Fill in " + empty.map(function (p) { return p.label; }).join(" and ") + " above to get ready-to-send e-mails."
        : "";
      if (!code) {
        hint.textContent += (hint.textContent ? " " : "") + (data.state
          ? "No mission of " + data.state + " in your country is on file yet; write to the missions below."
          : "");
      }
      ids.forEach(function (id) {
        var mission = data.missions[id];
        var item = element("li", { "data-mission": id }, [
          element("a", { href: mission.page, text: mission.name }),
        ]);
        if (mission.emails.length && letter && !empty.length) {
          item.appendChild(document.createTextNode(" — "));
          item.appendChild(element("a", {
            class: "ck-mailto",
            href: mailto(mission.emails, letter.subject, letterText()),
            text: "Send the e-mail (" + mission.emails.join(", ") + ")",
          }));
        } else if (mission.emails.length) {
          item.appendChild(document.createTextNode(" — e-mail: " + mission.emails.join(", ")));
        } else {
          item.appendChild(element("span", { class: "ck-missing", text: " — no e-mail address on file" }));
        }
        mission.faxes.forEach(function (fax) {
          item.appendChild(document.createTextNode("; fax " + fax.display));
        });
        if (mission.address.length) {
          item.appendChild(document.createTextNode("; post: " + mission.address.join(", ")));
        }
        list.appendChild(item);
      });
    }

    country.addEventListener("change", update);
    update();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
