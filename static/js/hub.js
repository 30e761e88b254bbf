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
