// Starts Swagger UI (drf-spectacular-sidecar) on the API's schema, named by the page
// (templates/api/docs.html): a static file, so the Content-Security-Policy needs no inline
// script. The API only reads (GET): no CSRF header to add; a token is given with "Authorize".
"use strict";
(function () {
  var element = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: element.getAttribute("data-schema-url"),
    dom_id: "#swagger-ui",
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: true,
    persistAuthorization: true
  });
})();
