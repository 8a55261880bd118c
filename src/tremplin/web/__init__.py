"""The web application (issue 5): the journey pages and the JSON API, one FastAPI app.

`tremplin.web.app:create_app` builds it; pages (`pages/`) and the API (`api/`) are thin
shells over `tremplin.web.services.Services`, which only calls the core."""
