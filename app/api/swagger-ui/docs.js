// Swagger UI on this service's OpenAPI document. An external script (no inline script), so
// the page keeps the dashboard's Content-Security-Policy.
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
  // the public validator would be asked about our document: nothing leaves the page
  validatorUrl: null,
  displayRequestDuration: true,
  filter: true,
  tryItOutEnabled: false,
  persistAuthorization: false,
  defaultModelsExpandDepth: 0,
  docExpansion: "list",
});
