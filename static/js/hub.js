// Small progressive enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", function () {
  // On a phone, start with the filter form folded away (unless it shows errors).
  if (window.matchMedia("(max-width: 40rem)").matches) {
    document.querySelectorAll("details[data-collapse-on-phone]").forEach(function (d) { d.open = false; });
  }
  // Change the language as soon as one is picked.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
});

// "All" / "None" buttons tick or untick every box of the fieldset they name.
document.addEventListener("DOMContentLoaded", function () {
  function setAll(id, checked) {
    var fieldset = document.getElementById(id);
    if (!fieldset) { return; }
    fieldset.querySelectorAll("input[type=checkbox]").forEach(function (box) { box.checked = checked; });
  }
  document.querySelectorAll("[data-check-all], [data-check-none]").forEach(function (button) {
    button.closest("[hidden]") && button.closest("[hidden]").removeAttribute("hidden");
    button.addEventListener("click", function () {
      if (button.hasAttribute("data-check-all")) { setAll(button.getAttribute("data-check-all"), true); }
      else { setAll(button.getAttribute("data-check-none"), false); }
    });
  });
});
