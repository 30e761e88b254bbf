// The matrix's and the grid's filter form: the long lists (countries, agencies) become
// searchable multi-selects with Tom Select (static/vendor/tom-select). Without this script
// they stay plain <select multiple> lists, with their "Hold Ctrl" hint.
//
// Options are found with the hub's one rule for names (core.names.name_matches): what is
// typed, without accents, case, spaces or punctuation (any apostrophe: "Cote d’Ivoire"), is
// part of the option's name or of one of the keys the server wrote in its data-keys (its
// names in English and other languages, variants: "vietnam", "turkey", "OIT").
function nameKey(text) {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^0-9a-z]/g, "");
}

function scoreByName(search) {
  var key = nameKey(search);
  return function (option) {
    if (!key) { return 1; }
    var keys = nameKey(option.text || "") + " " + ((option.$option && option.$option.dataset.keys) || "");
    return keys.split(" ").some(function (name) { return name.indexOf(key) !== -1; }) ? 1 : 0;
  };
}

// The activity form's places field is swapped in by htmx when its countries change: the new
// list is made searchable too.
function makeSearchable(root) {
  if (typeof TomSelect === "undefined") { return; }
  root.querySelectorAll("select[data-searchable]").forEach(function (select) {
    if (select.tomselect) { return; }
    var noResults = select.getAttribute("data-no-results") || "";
    new TomSelect(select, {
      plugins: ["remove_button"],
      maxOptions: null,
      placeholder: select.getAttribute("data-placeholder") || "",
      hidePlaceholder: true,
      score: scoreByName,
      render: {
        no_results: function () {
          var div = document.createElement("div");
          div.className = "no-results";
          div.textContent = noResults;
          return div;
        }
      }
    });
    // The hint is about Ctrl-clicking a plain list, which is gone.
    var hint = document.getElementById(select.id + "_helptext");
    if (hint && !select.hasAttribute("data-keep-help")) { hint.hidden = true; }
  });
}

document.addEventListener("DOMContentLoaded", function () { makeSearchable(document); });
document.addEventListener("htmx:afterSettle", function () { makeSearchable(document); });
