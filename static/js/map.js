// The world map (overview/_map.html): say a country's activities and lead agencies when it
// is pointed at, focused, or tapped once on a touch screen (a second tap opens its page).
// The map works without this: each country carries the same text as its title and label.
(function () {
  var lastPointer = "mouse";
  var shown = null;
  var armed = null; // the country a touch screen tapped once

  function countryOf(target) {
    return target && target.closest ? target.closest("a.map-country") : null;
  }

  function show(link) {
    var map = link.closest("[data-world-map]");
    var info = map && map.querySelector("[data-map-info]");
    if (shown && shown !== link) { shown.classList.remove("is-shown"); }
    shown = link;
    link.classList.add("is-shown");
    if (info) { info.textContent = link.getAttribute("aria-label"); }
  }

  document.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType; });
  document.addEventListener("mouseover", function (event) {
    var link = countryOf(event.target);
    if (link) { show(link); }
  });
  document.addEventListener("focusin", function (event) {
    var link = countryOf(event.target);
    if (link) { show(link); }
  });
  document.addEventListener("click", function (event) {
    var link = countryOf(event.target);
    if (link && lastPointer === "touch" && armed !== link) {
      event.preventDefault();
      armed = link;
      show(link);
    }
  });
})();
