// Searchable, keyboard-friendly choices (a progressive enhancement: without this script every list
// is a plain <select> or a list of checkboxes, and works as such).
// - A <select> becomes a Tom Select (vendored in static/vendor/tom-select) when it has data-zoekbaar,
//   is a multiple select, or offers more than LANG options; data-zoekbaar="nee" keeps it native.
// - A list of checkboxes gets a filter box above it when it has data-filterlijst or more than LANG
//   checkboxes; groups (fieldsets) whose every item is filtered out are hidden too.
(function () {
  "use strict";
  var LANG = 10;

  function tekst(el, naam, standaard) {
    return (el && el.getAttribute(naam)) || standaard;
  }

  function zoekbaar(select) {
    if (select.tomselect || select.dataset.zoekbaar === "nee" || typeof TomSelect === "undefined") return;
    if (!(select.hasAttribute("data-zoekbaar") || select.multiple || select.options.length > LANG)) return;
    // A single choice shows only the chosen item; its search box opens in the dropdown.
    var plugins = select.multiple ? ["remove_button", "checkbox_options"] : ["dropdown_input"];
    var leeg = select.querySelector("option[value='']");
    var instellingen = {
      plugins: plugins,
      maxOptions: null,
      // In the body, the list is never clipped by a card that scrolls its own wide content.
      dropdownParent: "body",
      allowEmptyOption: true,
      hidePlaceholder: false,
      placeholder: leeg ? leeg.textContent : tekst(document.body, "data-zoek-placeholder", "Zoek of kies…"),
      render: {
        no_results: function () {
          return '<div class="no-results">' + tekst(document.body, "data-zoek-geen", "Niets gevonden") + "</div>";
        },
      },
    };
    if (select.multiple) instellingen.hideSelected = false;
    else instellingen.closeAfterSelect = true;
    // Tom Select points the label at its own control; the original select stays in the
    // accessibility tree (hidden from sight only) and keeps the label's text as its name.
    var label = select.id && document.querySelector("label[for='" + select.id + "']");
    if (label && !select.hasAttribute("aria-label")) {
      select.setAttribute("aria-label", label.textContent.trim());
    }
    var ts = new TomSelect(select, instellingen);
    // The label keeps pointing at a focusable control: the search input of the widget.
    if (label && ts.control_input) {
      label.setAttribute("for", ts.control_input.id);
    }
  }

  function filterlijst(lijst) {
    if (lijst.dataset.gefilterd) return;
    var vakjes = lijst.querySelectorAll("input[type=checkbox]");
    if (!(lijst.hasAttribute("data-filterlijst") || vakjes.length > LANG)) return;
    lijst.dataset.gefilterd = "1";
    var vak = document.createElement("input");
    vak.type = "search";
    vak.className = "filtervak";
    vak.placeholder = tekst(document.body, "data-filter-placeholder", "Filter op naam…");
    vak.setAttribute("aria-label", tekst(lijst, "data-filter-label", vak.placeholder));
    if (lijst.id) vak.setAttribute("aria-controls", lijst.id);
    lijst.parentNode.insertBefore(vak, lijst);
    vak.addEventListener("input", function () {
      var zoek = vak.value.trim().toLowerCase();
      lijst.querySelectorAll("label").forEach(function (label) {
        if (!label.querySelector("input[type=checkbox]")) return;
        label.hidden = zoek !== "" && label.textContent.toLowerCase().indexOf(zoek) === -1;
        if (label.parentNode.tagName === "DIV" && label.parentNode.children.length === 1) {
          label.parentNode.hidden = label.hidden;
        }
      });
      lijst.querySelectorAll("fieldset").forEach(function (groep) {
        var zichtbaar = groep.querySelector("label:not([hidden]) input[type=checkbox]");
        // A group whose name matches shows all its people.
        var legende = groep.querySelector("legend");
        var naamPast = zoek !== "" && legende && legende.textContent.toLowerCase().indexOf(zoek) !== -1;
        if (naamPast) {
          groep.querySelectorAll("[hidden]").forEach(function (el) { el.hidden = false; });
        }
        groep.hidden = !zichtbaar && !naamPast;
      });
    });
    // Enter in the filter box must not submit the form.
    vak.addEventListener("keydown", function (e) {
      if (e.key === "Enter") e.preventDefault();
    });
  }

  function verrijk(wortel) {
    wortel.querySelectorAll("select").forEach(zoekbaar);
    wortel.querySelectorAll("[data-filterlijst], div:has(> div > label > input[type=checkbox])").forEach(function (el) {
      if (!el.parentNode.closest("[data-filterlijst]") || el.hasAttribute("data-filterlijst")) filterlijst(el);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { verrijk(document); });
  // Fragments swapped in by htmx get the same treatment.
  document.addEventListener("htmx:load", function (e) { verrijk(e.target); });
})();
