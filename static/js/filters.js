// The matrix's and the grid's filter form: the long lists (countries, agencies) become
// searchable multi-selects with Tom Select (static/vendor/tom-select). Without this script
// they stay plain <select multiple> lists, with their "Hold Ctrl" hint.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof TomSelect === "undefined") { return; }
  document.querySelectorAll("select[data-searchable]").forEach(function (select) {
    var noResults = select.getAttribute("data-no-results") || "";
    new TomSelect(select, {
      plugins: ["remove_button"],
      maxOptions: null,
      placeholder: select.getAttribute("data-placeholder") || "",
      hidePlaceholder: true,
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
    if (hint) { hint.hidden = true; }
  });
});
